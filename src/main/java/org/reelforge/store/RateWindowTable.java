package org.reelforge.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The {@code rate_windows} rows of one transaction (see {@link StoreTransaction#rateWindows()}): per bucket and
 * subject, the times of the most recent events. Not thread-safe.
 */
public final class RateWindowTable {
    private final Handle handle;

    RateWindowTable(Handle handle) {
        this.handle = handle;
    }

    /**
     * The events of a window for changing them in this transaction: creates the row if needed and updates it first, so
     * another node changing the same window waits until this transaction ends (PostgreSQL row lock; SQLite runs one
     * write transaction at a time anyway).
     */
    public List<Long> lock(String bucket, String subject, long now) {
        handle.createUpdate("""
                        INSERT INTO rate_windows (bucket, subject, events, updated_at) VALUES (:bucket, :subject, '', :now)
                        ON CONFLICT (bucket, subject) DO NOTHING""")
                .bind("bucket", bucket).bind("subject", subject).bind("now", now).execute();
        handle.createUpdate("UPDATE rate_windows SET updated_at = :now WHERE bucket = :bucket AND subject = :subject")
                .bind("bucket", bucket).bind("subject", subject).bind("now", now).execute();
        return read(bucket, subject);
    }

    /** The events of a window, oldest first (empty when it has none). */
    public List<Long> read(String bucket, String subject) {
        Optional<String> events = handle.createQuery("SELECT events FROM rate_windows WHERE bucket = :bucket AND subject = :subject")
                .bind("bucket", bucket).bind("subject", subject).mapTo(String.class).findOne();
        List<Long> times = new ArrayList<>();
        for (String t : events.orElse("").split(",")) {
            if (!t.isEmpty()) {
                times.add(Long.parseLong(t));
            }
        }
        return times;
    }

    public void write(String bucket, String subject, List<Long> events, long now) {
        handle.createUpdate("UPDATE rate_windows SET events = :events, updated_at = :now WHERE bucket = :bucket AND subject = :subject")
                .bind("bucket", bucket).bind("subject", subject).bind("now", now)
                .bind("events", events.stream().map(String::valueOf).collect(Collectors.joining(","))).execute();
    }

    public void delete(String bucket, String subject) {
        handle.createUpdate("DELETE FROM rate_windows WHERE bucket = :bucket AND subject = :subject")
                .bind("bucket", bucket).bind("subject", subject).execute();
    }

    /** Removes the windows of {@code bucket} untouched since {@code before}; returns how many. */
    public int purge(String bucket, long before) {
        return handle.createUpdate("DELETE FROM rate_windows WHERE bucket = :bucket AND updated_at < :before")
                .bind("bucket", bucket).bind("before", before).execute();
    }

    public int count(String bucket) {
        return handle.createQuery("SELECT COUNT(*) FROM rate_windows WHERE bucket = :bucket").bind("bucket", bucket)
                .mapTo(Integer.class).one();
    }
}
