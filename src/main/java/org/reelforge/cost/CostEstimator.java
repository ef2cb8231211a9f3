package org.reelforge.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;
import org.reelforge.video.Mode;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;

/**
 * The cost of a video before any call, from the providers' own quotes: the script, one clip per block
 * (blocks of 8 s until the script exists), in narrated mode the adapt call (priced like a script call) and the
 * voice-over (~15 characters a second), and in native-audio mode the transcription of the joined audio.
 */
public final class CostEstimator {
    private static final int CHARACTERS_PER_SECOND = 15;
    private final PriceTable prices;

    public CostEstimator(PriceTable prices) {
        this.prices = prices;
    }

    public List<ProviderCall> calls(VideoRequest r, ScriptWriter writer, ClipGenerator clips, SpeechSynthesizer speech,
                                    Transcriber transcriber) {
        List<ProviderCall> calls = new ArrayList<>();
        int seconds = r.script() != null ? r.script().totalDurationSeconds() : r.targetDurationSeconds();
        if (r.script() == null) {
            calls.addAll(writer.quote(new ScriptWriter.Brief(r.theme(), r.targetDurationSeconds(), r.style(), r.language(), r.mode())));
        }
        boolean narrated = r.mode() == Mode.NARRATED;
        if (narrated) {
            calls.addAll(writer.quote(new ScriptWriter.Brief(r.theme(), seconds, r.style(), r.language(), r.mode())));
            calls.add(speech.quote(seconds * CHARACTERS_PER_SECOND));
        }
        VideoId placeholder = new VideoId("vid_20000101_000000_est0");
        for (int left = seconds, block = 1; left > 0; left -= 8, block++) {
            int d = left >= 8 ? 8 : left > 4 ? 6 : 4;
            calls.add(clips.quote(new ClipGenerator.ClipRequest(placeholder, block, d, "", "", !narrated, r.language(),
                    Optional.empty(), null)));
        }
        if (!narrated) {
            calls.add(transcriber.quote(seconds * 1000L));
        }
        return calls;
    }

    /** The "provider.unit" keys of calls the price table has no price for (counted as free). */
    public List<String> unpriced(List<ProviderCall> calls) {
        return calls.stream().filter(c -> !prices.knows(c.provider(), c.unit())).map(c -> c.provider() + "." + c.unit())
                .distinct().toList();
    }

    public BigDecimal total(List<ProviderCall> calls) {
        return BigDecimal.valueOf(calls.stream().mapToLong(prices::microUsd).sum(), 6).stripTrailingZeros();
    }
}
