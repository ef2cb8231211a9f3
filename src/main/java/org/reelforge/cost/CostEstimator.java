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
import org.reelforge.video.Block;
import org.reelforge.video.ClipLengths;
import org.reelforge.video.Mode;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;

/**
 * The cost of a video before any call, from the providers' own quotes priced by the catalog's price table: the script,
 * one clip per block (until the script exists, the blocks the clip model's lengths plan for the target), in narrated
 * mode the adapt call (priced like a script call) and the
 * voice-over (~15 characters a second), and in native-audio mode the transcription of the joined audio.
 */
public final class CostEstimator {
    private static final int CHARACTERS_PER_SECOND = 15;
    private final PriceTable prices;

    public CostEstimator(PriceTable prices) {
        this.prices = prices;
    }

    /** The calls of the video at the clip model's default resolution (the final clips). */
    public List<ProviderCall> calls(VideoRequest r, ScriptWriter writer, ClipGenerator clips, SpeechSynthesizer speech,
                                    Transcriber transcriber) {
        return calls(r, writer, clips, speech, transcriber, clips.capabilities().defaultResolution());
    }

    /** The calls of a draft of the video: every clip at the model's cheapest (draft) resolution. */
    public List<ProviderCall> draftCalls(VideoRequest r, ScriptWriter writer, ClipGenerator clips, SpeechSynthesizer speech,
                                         Transcriber transcriber) {
        return calls(r, writer, clips, speech, transcriber, clips.capabilities().draftResolution());
    }

    /** The calls of the video with its clips at {@code resolution}. */
    public List<ProviderCall> calls(VideoRequest r, ScriptWriter writer, ClipGenerator clips, SpeechSynthesizer speech,
                                    Transcriber transcriber, String resolution) {
        List<ProviderCall> calls = new ArrayList<>();
        int seconds = r.script() != null ? r.script().totalDurationSeconds() : r.targetDurationSeconds();
        ClipLengths lengths = clips.capabilities().lengths();
        if (r.script() == null) {
            calls.addAll(writer.quote(new ScriptWriter.Brief(r.theme(), r.targetDurationSeconds(), r.style(), r.language(),
                    r.mode(), lengths)));
        }
        boolean narrated = r.mode() == Mode.NARRATED;
        if (narrated) {
            calls.addAll(writer.quote(new ScriptWriter.Brief(r.theme(), seconds, r.style(), r.language(), r.mode(), lengths)));
            calls.add(speech.quote(seconds * CHARACTERS_PER_SECOND));
        }
        VideoId placeholder = new VideoId("vid_20000101_000000_est0");
        // blocks made from the person's own files cost nothing: no clip call for them
        List<Integer> blocks = r.script() != null
                ? r.script().blocks().stream().filter(b -> !b.ownMedia()).map(Block::durationSeconds).toList()
                : clips.capabilities().plan(seconds, r.clipStrategy());
        String aspect = r.output().aspect().ratio();
        for (int i = 0; i < blocks.size(); i++) {
            calls.add(clips.quote(new ClipGenerator.ClipRequest(placeholder, i + 1, blocks.get(i), "", "", !narrated,
                    r.language(), Optional.empty(), null, resolution, aspect, Optional.empty(), Optional.empty())));
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
