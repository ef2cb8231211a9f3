package org.reelforge.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite, the embedded default. */
class JdbiVideoRunsIT extends VideoRunsContract {
    @TempDir
    Path dir;
    private final List<Database> open = new ArrayList<>();

    @Override
    @SuppressWarnings("unchecked")
    JdbiVideoRuns store() {
        Database db = Database.sqlite(dir.resolve("db" + open.size()));
        open.add(db);
        return new JdbiVideoRuns(db);
    }

    @AfterEach
    void close() {
        open.forEach(Database::close);
    }
}
