package org.reelforge.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reelforge.cost.CostLedger;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.store.ArtifactStore;
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
 * timings kept beside it for the captions. Each block's voice is saved with its cost before the next is asked for,
 * so a block whose voice-over already exists is never paid for again.
 */
final class AudioStep {
    /** Speech may fill the block up to this margin before its end. */
    private static final long TAIL_MILLIS = 250;
    private static final double MAX_RATE = 1.6;
    private final SpeechSynthesizer speech;
    private final ArtifactStore artifacts;
    private final CostLedger ledger;
    private final Clock clock;

    AudioStep(SpeechSynthesizer speech, ArtifactStore artifacts, CostLedger ledger, Clock clock) {
        this.speech = speech;
        this.artifacts = artifacts;
        this.ledger = ledger;
        this.clock = clock;
    }

    StepOutcome run(VideoRun run, Engine.Checkpoint checkpoint) {
        Script script = run.requireScript();
        for (Block block : script.blocks()) {
            if (artifacts.exists(artifacts.voiceOver(run.id(), block.index())) && Files.exists(wordsFile(run.id(), block.index()))) {
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
        Path target = artifacts.voiceOver(run.id(), block.index());
        Path temp = artifacts.temp(target);
        long room = block.durationSeconds() * 1000L - TAIL_MILLIS;
        var language = run.video().request().language();
        SpeechSynthesizer.Speech s = speech.synthesize(block.spokenText(), language, 1.0, temp);
        List<ProviderCall> calls = new ArrayList<>(List.of(s.call()));
        if (s.durationMillis() > room) {
            double rate = Math.min(MAX_RATE, 1.05 * s.durationMillis() / room);
            s = speech.synthesize(block.spokenText(), language, rate, temp);
            calls.add(s.call());
        }
        artifacts.writeString(wordsFile(run.id(), block.index()), Json.write(s.words()));
        artifacts.commit(temp, target);
        run.book(ledger.spent(run.id(), calls, clock.instant()));
        run.record(EventType.VOICE_GENERATED, "Block " + block.index() + ": voice-over " + s.durationMillis() + " ms by "
                + speech.name(), clock.instant());
    }

    private Path wordsFile(VideoId id, int block) {
        return artifacts.voiceWords(id, block);
    }

    /** The word timings of a block's voice-over, in milliseconds from the start of that voice-over. */
    List<TimedWord> words(VideoId id, int block) {
        try {
            return Arrays.asList(Json.read(Files.readString(wordsFile(id, block)), TimedWord[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the word timings of block " + block + " of " + id, e);
        }
    }
}
