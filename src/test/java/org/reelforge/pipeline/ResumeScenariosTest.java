package org.reelforge.pipeline;

import java.nio.file.Path;

/** {@link ResumeScenarios} on runs kept in memory: the engine's rules in milliseconds. */
class ResumeScenariosTest extends ResumeScenarios {
    @Override
    PipelineHarness harness(Path dir, int... blockDurations) {
        return PipelineHarness.inMemory(dir, blockDurations);
    }
}
