package org.reelforge.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.reelforge.cost.CostLedger;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.store.ArtifactStore;
import org.reelforge.store.Json;
import org.reelforge.video.Block;
import org.reelforge.video.Script;
import org.reelforge.video.Step;
import org.reelforge.video.TimedWord;
import org.reelforge.video.Video;
import org.reelforge.video.VideoStatus;

/**
 * The audio step (narrated mode): one voice-over per block, fitted into the block's duration, with its word
 * timings kept beside it for the captions. A block whose voice-over already exists is not paid for again.
 */
final class AudioStep {
    /** Speech may fill the block up to this margin before its end. */
    private static final long TAIL_MILLIS = 250;
    private static final double MAX_RATE = 1.6;
    private final SpeechSynthesizer speech;
    private final Journal journal;
    private final ArtifactStore artifacts;
    private final CostLedger ledger;
    private final Clock clock;

    AudioStep(SpeechSynthesizer speech, Journal journal, ArtifactStore artifacts, CostLedger ledger, Clock clock) {
        this.speech = speech;
        this.journal = journal;
        this.artifacts = artifacts;
        this.ledger = ledger;
        this.clock = clock;
    }

    Video run(Video video, Script script) {
        Video v = video;
        for (Block block : script.blocks()) {
            if (artifacts.exists(artifacts.voiceOver(v.id(), block.index())) && Files.exists(wordsFile(v, block.index()))) {
                continue;
            }
            v = voice(v, block);
        }
        Video next = v.markStepDone(Step.AUDIO, VideoStatus.SCRIPT_GENERATED, clock.instant());
        return journal.commit(next, "audio_generated", "Voice-over ready for " + script.blocks().size() + " blocks");
    }

    private Video voice(Video v, Block block) {
        Path target = artifacts.voiceOver(v.id(), block.index());
        Path temp = artifacts.temp(target);
        long room = block.durationSeconds() * 1000L - TAIL_MILLIS;
        SpeechSynthesizer.Speech s = speech.synthesize(block.spokenText(), v.request().language(), 1.0, temp);
        List<ProviderCall> calls = new java.util.ArrayList<>(List.of(s.call()));
        if (s.durationMillis() > room) {
            double rate = Math.min(MAX_RATE, 1.05 * s.durationMillis() / room);
            s = speech.synthesize(block.spokenText(), v.request().language(), rate, temp);
            calls.add(s.call());
        }
        writeWords(v, block.index(), s.words());
        artifacts.commit(temp, target);
        long ms = s.durationMillis();
        return journal.commit(v, "voice_generated", "Block " + block.index() + ": voice-over " + ms + " ms by "
                + speech.name(), tx -> ledger.spent(tx, v.id(), calls, clock.instant()));
    }

    private Path wordsFile(Video v, int block) {
        return artifacts.voiceOver(v.id(), block).resolveSibling("block_" + block + ".words.json");
    }

    private void writeWords(Video v, int block, List<TimedWord> words) {
        artifacts.writeString(wordsFile(v, block), Json.write(words));
    }

    /** The word timings of a block's voice-over, in milliseconds from the start of that voice-over. */
    List<TimedWord> words(Video v, int block) {
        try {
            return Arrays.asList(Json.read(Files.readString(wordsFile(v, block)), TimedWord[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the word timings of block " + block + " of " + v.id(), e);
        }
    }
}
