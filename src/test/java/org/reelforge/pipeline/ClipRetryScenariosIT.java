package org.reelforge.pipeline;

import java.nio.file.Path;
import org.reelforge.store.Database;

/** {@link ClipRetryScenarios} on SQLite, the embedded default. */
class ClipRetryScenariosIT extends ClipRetryScenarios {
    @Override
    PipelineHarness harness(Path dir, int... blockDurations) {
        return PipelineHarness.on(dir, Database.sqlite(dir), blockDurations);
    }
}
