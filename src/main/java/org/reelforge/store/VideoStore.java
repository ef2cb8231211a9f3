package org.reelforge.store;

import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * All of ReelForge's rows, through plain portable SQL. Every state change runs in one transaction
 * ({@link #inTransaction}); a lone read may use {@link #read}.
 */
public final class VideoStore {
    private final Jdbi jdbi;

    public VideoStore(Database database) {
        this.jdbi = Jdbi.create(database.dataSource());
    }

    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        return jdbi.inTransaction(handle -> work.apply(new StoreTransaction(handle)));
    }

    public void useTransaction(Consumer<StoreTransaction> work) {
        jdbi.useTransaction(handle -> work.accept(new StoreTransaction(handle)));
    }

    public <T> T read(Function<StoreTransaction, T> work) {
        return jdbi.withHandle(handle -> work.apply(new StoreTransaction(handle)));
    }
}
