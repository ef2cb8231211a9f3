package org.reelforge.pipeline;

import java.nio.file.Path;

/** {@link ClipRetryScenarios} on runs kept in memory: the engine's rules in milliseconds. */
class ClipRetryScenariosTest extends ClipRetryScenarios {
    @Override
    PipelineHarness harness(Path dir, int... blockDurations) {
        return PipelineHarness.inMemory(dir, blockDurations);
    }
}
