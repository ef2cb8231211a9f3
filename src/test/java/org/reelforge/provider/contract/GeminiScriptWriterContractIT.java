package org.reelforge.provider.contract;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.gemini.GeminiScriptWriter;
import org.reelforge.provider.replica.Replica;

class GeminiScriptWriterContractIT extends ScriptWriterContract {
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
    ScriptWriter writer() {
        return GeminiScriptWriter.fromEnvironment(replica.environment(), "gemini-3.8-flash", org.reelforge.provider.replica.Models.texts("gemini-api")).orElseThrow();
    }
}
