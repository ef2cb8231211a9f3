package org.reelforge.store;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The contract on a real PostgreSQL the test starts: the same migrations and SQL as SQLite. */
class JdbiVideoRunsPostgresIT extends VideoRunsContract {
    private static TestPostgres postgres;
    private final List<Database> open = new ArrayList<>();

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
    @SuppressWarnings("unchecked")
    JdbiVideoRuns store() {
        Database db = postgres.open();
        open.add(db);
        return new JdbiVideoRuns(db);
    }

    @AfterEach
    void close() {
        open.forEach(Database::close);
    }
}
