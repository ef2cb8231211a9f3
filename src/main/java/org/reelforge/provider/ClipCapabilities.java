package org.reelforge.provider;

import java.util.List;
import java.util.Objects;
import org.reelforge.video.ClipLengths;
import org.reelforge.video.ClipStrategy;

/**
 * What a video model can make, from the model catalog: the engine and the script writer plan blocks with it, and
 * check a video's plan against it before anything is paid.
 *
 * @param model              the model id, e.g. {@code gemini-omni-1.1-flash}
 * @param lengths            the clip lengths a block may have
 * @param resolutions        from cheapest to most expensive, e.g. 360p, 720p, 1080p, 4k
 * @param draftResolution    the cheapest resolution, for drafts
 * @param aspectRatios       e.g. 9:16, 16:9, 1:1
 * @param nativeAudio        whether the clips come with their own sound (speech, ambience)
 * @param extension          how the model extends a clip (extend strategy); null when it cannot
 * @param maxReferenceImages how many reference images a prompt may carry (anchored strategy); 0 when none
 * @param firstFrame         whether a first frame (image to video) can be given
 * @param maxPromptChars     the longest prompt the model takes
 */
public record ClipCapabilities(String model, ClipLengths lengths, List<String> resolutions, String draftResolution,
                               List<String> aspectRatios, boolean nativeAudio, Extension extension,
                               int maxReferenceImages, boolean firstFrame, int maxPromptChars) {
    public ClipCapabilities {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(lengths, "lengths");
        resolutions = List.copyOf(resolutions);
        aspectRatios = List.copyOf(aspectRatios);
        if (resolutions.isEmpty() || aspectRatios.isEmpty()) {
            throw new IllegalArgumentException(model + ": at least one resolution and one aspect ratio are needed");
        }
        draftResolution = draftResolution == null ? resolutions.get(0) : draftResolution;
    }

    /**
     * The block lengths of a video of {@code targetSeconds} made with {@code strategy}: {@link ClipLengths#plan} of the
     * model's lengths, except in extend mode on a model whose extensions add a fixed length (Veo: 7 s), where the
     * first block is one of the lengths and every other block one extension.
     */
    public List<Integer> plan(int targetSeconds, ClipStrategy strategy) {
        if (!fixesDurations(strategy)) {
            return lengths.plan(targetSeconds);
        }
        int step = extension.stepSeconds().only().get(0);
        List<Integer> best = null;
        int bestMiss = Integer.MAX_VALUE;
        List<Integer> firsts = new java.util.ArrayList<>(lengths.values());
        java.util.Collections.reverse(firsts);
        for (int first : firsts) {
            int extensions = Math.max(0, Math.round((targetSeconds - first) / (float) step));
            int total = first + extensions * step;
            int miss = Math.abs(total - targetSeconds) * 2 + (total < targetSeconds ? 1 : 0);
            if (miss < bestMiss) {
                bestMiss = miss;
                List<Integer> plan = new java.util.ArrayList<>(List.of(first));
                plan.addAll(java.util.Collections.nCopies(extensions, step));
                best = List.copyOf(plan);
            }
        }
        return best;
    }

    /**
     * Checks every block's length against this model for {@code strategy}: each one of the model's lengths, except in
     * extend mode on a model whose extensions add a fixed length (Veo: 7 s), where the first block is one of the
     * lengths and every later block lasts what one extension adds.
     *
     * @throws org.reelforge.video.InvalidRequestException naming the first block whose duration the model cannot make
     */
    public org.reelforge.video.Script requireLengths(org.reelforge.video.Script script, ClipStrategy strategy) {
        if (!fixesDurations(strategy) || script.blocks().isEmpty()) {
            return script.requireLengths(lengths, model);
        }
        int step = extension.stepSeconds().only().get(0);
        List<org.reelforge.video.Block> blocks = script.blocks();
        new org.reelforge.video.Script(script.title(), script.styleGuide(), blocks.subList(0, 1)).requireLengths(lengths, model);
        for (org.reelforge.video.Block b : blocks.subList(1, blocks.size())) {
            if (b.durationSeconds() != step) {
                throw new org.reelforge.video.InvalidRequestException("blocks[" + b.index() + "].duration", "must be "
                        + step + " s in extend mode: each block after the first is one extension of " + model
                        + ", which adds " + step + " s (got " + b.durationSeconds() + ")");
            }
        }
        return script;
    }

    /** Whether {@code strategy} on this model leaves no choice of block lengths (extend with a fixed extension). */
    public boolean fixesDurations(ClipStrategy strategy) {
        return strategy == ClipStrategy.EXTEND && extension != null && extension.stepSeconds().only().size() == 1;
    }

    /** The resolution a final clip is asked at when the user does not choose: 720p when offered, else the first. */
    public String defaultResolution() {
        return resolutions.contains("720p") ? "720p" : resolutions.get(0);
    }

    /**
     * How a model extends a clip.
     *
     * @param stepSeconds     what one extension adds (Veo: 7 s; Omni: 3–10 s, the block's length)
     * @param maxInputSeconds the longest video that can be extended
     * @param maxTotalSeconds the longest video an extension chain can reach
     */
    public record Extension(ClipLengths stepSeconds, int maxInputSeconds, int maxTotalSeconds) {
    }
}
