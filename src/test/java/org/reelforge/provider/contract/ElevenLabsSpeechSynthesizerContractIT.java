package org.reelforge.provider.contract;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.elevenlabs.ElevenLabsSpeechSynthesizer;
import org.reelforge.provider.replica.Replica;

class ElevenLabsSpeechSynthesizerContractIT extends SpeechSynthesizerContract {
    @TempDir
    static Path shared;
    static Replica replica;

    @BeforeAll
    static void start() {
        replica = Replica.start(shared, 2, 8);
    }

    @AfterAll
    static void stop() {
        replica.close();
    }

    @Override
    SpeechSynthesizer synthesizer() {
        return ElevenLabsSpeechSynthesizer.fromEnvironment(replica.environment()).orElseThrow();
    }
}
