package org.reelforge.provider.contract;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.provider.Transcriber;
import org.reelforge.provider.replica.Replica;
import org.reelforge.provider.whisper.OpenAiTranscriber;

class WhisperTranscriberContractIT extends TranscriberContract {
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
    Transcriber transcriber() {
        return OpenAiTranscriber.fromEnvironment(replica.environment()).orElseThrow();
    }
}
