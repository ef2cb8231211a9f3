package org.reelforge.store;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.reelforge.pipeline.ConcurrentUpdateException;
import org.reelforge.pipeline.StorageException;

/**
 * One read or one transaction on a Jdbi, with a full or read-only database said as such ({@link StorageException}
 * naming the database's own message) instead of a raw SQL error. Shared by the store's adapters.
 */
final class Transactions {
    private Transactions() {
    }

    static <T> T read(Jdbi jdbi, Function<Handle, T> work) {
        try {
            return jdbi.withHandle(work::apply);
        } catch (RuntimeException e) {
            throw storage(e);
        }
    }

    static <T> T write(Jdbi jdbi, Function<Handle, T> work) {
        try {
            return jdbi.inTransaction(work::apply);
        } catch (ConcurrentUpdateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw storage(e);
        }
    }

    private static RuntimeException storage(RuntimeException e) {
        return StorageException.describes(e) ? new StorageException("the database cannot be written: " + rootMessage(e), e) : e;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
