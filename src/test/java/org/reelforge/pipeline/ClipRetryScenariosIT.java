package org.reelforge.pipeline;

import java.nio.file.Path;
import org.reelforge.store.Database;

/** {@link ClipRetryScenarios} on SQLite, the embedded default. */
class ClipRetryScenariosIT extends ClipRetryScenarios {
    @Override
    Database database(Path dir) {
        return Database.sqlite(dir);
    }
}
