package org.reelforge.pipeline;

import java.nio.file.Path;
import org.reelforge.store.Database;

/** {@link ResumeScenarios} on SQLite, the embedded default. */
class ResumeScenariosIT extends ResumeScenarios {
    @Override
    Database database(Path dir) {
        return Database.sqlite(dir);
    }
}
