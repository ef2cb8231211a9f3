package org.reelforge.provider.veo;

import java.util.List;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.ProviderException;
import org.reelforge.video.ClipStrategy;

/**
 * What a Veo plan must respect, checked before the first paid call: every block one of the model's lengths; in extend
 * mode, the first block one of them and every later block exactly one extension step (7 s), each extension's input
 * within the model's input limit and the whole chain within its total (Vertex: 1–30 s in, 37 s at most).
 */
final class VeoLimits {
    private VeoLimits() {
    }

    static int extensionStep(ClipCapabilities c) {
        return c.extension() == null ? ClipPlan.EXTENSION_ADDS_SECONDS : c.extension().stepSeconds().max();
    }

    static void check(String provider, ClipCapabilities c, List<Integer> blocks, ClipStrategy strategy) {
        if (strategy != ClipStrategy.EXTEND) {
            for (int i = 0; i < blocks.size(); i++) {
                requireLength(provider, c, i, blocks.get(i));
            }
            return;
        }
        if (c.extension() == null) {
            throw ProviderException.permanent(provider, c.model() + " cannot extend clips: use --clip-strategy parallel");
        }
        requireLength(provider, c, 0, blocks.get(0));
        int step = extensionStep(c);
        int total = blocks.get(0);
        for (int i = 1; i < blocks.size(); i++) {
            if (blocks.get(i) != step) {
                throw ProviderException.permanent(provider, "block " + (i + 1) + " lasts " + blocks.get(i) + " s, but in extend "
                        + "mode each block after the first is one extension of " + c.model() + ", which adds " + step + " s");
            }
            if (total > c.extension().maxInputSeconds()) {
                throw tooLong(provider, c, blocks, total + step * (blocks.size() - i));
            }
            total += step;
        }
        if (total > c.extension().maxTotalSeconds()) {
            throw tooLong(provider, c, blocks, total);
        }
    }

    private static void requireLength(String provider, ClipCapabilities c, int i, int seconds) {
        if (!c.lengths().allows(seconds)) {
            throw ProviderException.permanent(provider, "block " + (i + 1) + " lasts " + seconds + " s but " + c.model()
                    + " makes clips of " + c.lengths().describe());
        }
    }

    private static ProviderException tooLong(String provider, ClipCapabilities c, List<Integer> blocks, int total) {
        return ProviderException.permanent(provider, "extend mode on " + c.model() + " reaches at most "
                + c.extension().maxTotalSeconds() + " s (extensions of " + extensionStep(c) + " s to inputs of at most "
                + c.extension().maxInputSeconds() + " s); this plan of " + blocks.size() + " blocks needs " + total
                + " s: choose --clip-strategy parallel or anchored, or a duration of " + c.extension().maxTotalSeconds()
                + " s or less. Nothing was paid.");
    }
}
