package org.reelforge.pipeline;

import java.nio.file.Path;
import org.reelforge.store.Database;

/** {@link ResumeScenarios} on SQLite, the embedded default. */
class ResumeScenariosIT extends ResumeScenarios {
    @Override
    PipelineHarness harness(Path dir, int... blockDurations) {
        return PipelineHarness.on(dir, Database.sqlite(dir), blockDurations);
    }
}
