package org.reelforge.pipeline;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.reelforge.store.TestPostgres;

/** {@link ResumeScenarios} on a real PostgreSQL: the same migrations and SQL as SQLite. */
class ResumeScenariosPostgresIT extends ResumeScenarios {
    private static TestPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    PipelineHarness harness(Path dir, int... blockDurations) {
        return PipelineHarness.on(dir, postgres.open(), blockDurations);
    }
}
