package org.reelforge.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.Scratch;
import org.reelforge.cost.CostLedger;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.video.Block;
import org.reelforge.video.EventType;
import org.reelforge.video.Script;
import org.reelforge.video.Step;
import org.reelforge.video.TimedWord;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRun;
import org.reelforge.video.VideoStatus;
import org.reelforge.wire.Json;

/**
 * The audio step (narrated mode): one voice-over per block, fitted into the block's duration, with its word
 * timings published beside it for the captions. Each block's voice is saved with its cost before the next is asked
 * for, so a block whose voice-over already exists is never paid for again.
 */
final class AudioStep {
    /** Speech may fill the block up to this margin before its end. */
    private static final long TAIL_MILLIS = 250;
    private static final double MAX_RATE = 1.6;
    private final SpeechSynthesizer speech;
    private final Artifacts artifacts;
    private final CostLedger ledger;
    private final Clock clock;

    AudioStep(SpeechSynthesizer speech, Artifacts artifacts, CostLedger ledger, Clock clock) {
        this.speech = speech;
        this.artifacts = artifacts;
        this.ledger = ledger;
        this.clock = clock;
    }

    StepOutcome run(VideoRun run, Engine.Checkpoint checkpoint) {
        Script script = run.requireScript();
        for (Block block : script.blocks()) {
            if (artifacts.exists(ArtifactKey.voiceOver(run.id(), block.index()))
                    && artifacts.exists(ArtifactKey.voiceWords(run.id(), block.index()))) {
                continue;
            }
            voice(run, block);
            checkpoint.commit(run);
        }
        run.update(run.video().markStepDone(Step.AUDIO, VideoStatus.SCRIPT_GENERATED, clock.instant()),
                EventType.AUDIO_GENERATED, "Voice-over ready for " + script.blocks().size() + " blocks");
        return StepOutcome.done();
    }

    private void voice(VideoRun run, Block block) {
        try (Scratch.Dir dir = artifacts.open(run.id(), "voice")) {
            Path audio = dir.resolve("block_" + block.index() + ".wav");
            long room = block.durationSeconds() * 1000L - TAIL_MILLIS;
            var language = run.video().request().language();
            var output = run.video().request().output();
            double pace = output.speechRate();
            SpeechSynthesizer.Speech s = speech.synthesize(block.spokenText(), language, pace, output.voice(), audio);
            List<ProviderCall> calls = new ArrayList<>(List.of(s.call()));
            if (s.durationMillis() > room) {
                double rate = Math.min(Math.max(MAX_RATE, pace), pace * 1.05 * s.durationMillis() / room);
                s = speech.synthesize(block.spokenText(), language, rate, output.voice(), audio);
                calls.add(s.call());
            }
            artifacts.putText(ArtifactKey.voiceWords(run.id(), block.index()), Json.write(s.words()));
            artifacts.store().put(ArtifactKey.voiceOver(run.id(), block.index()), audio);
            run.book(ledger.spent(run.id(), calls, clock.instant()));
            run.record(EventType.VOICE_GENERATED, "Block " + block.index() + ": voice-over " + s.durationMillis() + " ms by "
                    + speech.name(), clock.instant());
        }
    }

    /** The word timings of a block's voice-over, in milliseconds from the start of that voice-over. */
    List<TimedWord> words(VideoId id, int block) {
        String json = artifacts.readText(ArtifactKey.voiceWords(id, block))
                .orElseThrow(() -> new IllegalStateException("block " + block + " of " + id + " has no word timings"));
        return Arrays.asList(Json.read(json, TimedWord[].class));
    }
}
