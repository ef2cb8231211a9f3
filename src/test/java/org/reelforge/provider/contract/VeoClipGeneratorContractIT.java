package org.reelforge.provider.contract;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.replica.Replica;
import org.reelforge.provider.veo.VeoClipGenerator;

class VeoClipGeneratorContractIT extends ClipGeneratorContract {
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
    ClipGenerator generator() {
        return VeoClipGenerator.fromEnvironment(replica.environment(), "veo-3.1-fast-generate-preview", org.reelforge.provider.replica.Models.clips("gemini-api")).orElseThrow();
    }

    @Override
    String unknownOperation() {
        return "models/veo-3.1-fast-generate-preview/operations/gone";
    }
}
