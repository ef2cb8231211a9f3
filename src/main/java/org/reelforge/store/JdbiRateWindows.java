package org.reelforge.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.reelforge.account.RateWindows;

/**
 * {@link RateWindows} on the {@code rate_windows} table: per bucket and subject, the times of the most recent events as
 * a comma-separated list. A change creates the row if needed and updates it first, so another node changing the same
 * window waits until this transaction ends (PostgreSQL row lock; SQLite runs one write transaction at a time anyway).
 * Thread-safe.
 */
public final class JdbiRateWindows implements RateWindows {
    private final Jdbi jdbi;

    public JdbiRateWindows(Database database) {
        this.jdbi = Jdbi.create(database.dataSource());
    }

    @Override
    public <T> T change(String bucket, String subject, long nowMillis, Function<List<Long>, Change<T>> change) {
        return Transactions.write(jdbi, h -> {
            h.createUpdate("""
                            INSERT INTO rate_windows (bucket, subject, events, updated_at) VALUES (:bucket, :subject, '', :now)
                            ON CONFLICT (bucket, subject) DO NOTHING""")
                    .bind("bucket", bucket).bind("subject", subject).bind("now", nowMillis).execute();
            h.createUpdate("UPDATE rate_windows SET updated_at = :now WHERE bucket = :bucket AND subject = :subject")
                    .bind("bucket", bucket).bind("subject", subject).bind("now", nowMillis).execute();
            Change<T> c = change.apply(read(h, bucket, subject));
            h.createUpdate("UPDATE rate_windows SET events = :events WHERE bucket = :bucket AND subject = :subject")
                    .bind("bucket", bucket).bind("subject", subject)
                    .bind("events", c.events().stream().map(String::valueOf).collect(Collectors.joining(","))).execute();
            return c.answer();
        });
    }

    @Override
    public List<Long> read(String bucket, String subject) {
        return Transactions.read(jdbi, h -> read(h, bucket, subject));
    }

    private static List<Long> read(Handle h, String bucket, String subject) {
        Optional<String> events = h.createQuery("SELECT events FROM rate_windows WHERE bucket = :bucket AND subject = :subject")
                .bind("bucket", bucket).bind("subject", subject).mapTo(String.class).findOne();
        List<Long> times = new ArrayList<>();
        for (String t : events.orElse("").split(",")) {
            if (!t.isEmpty()) {
                times.add(Long.parseLong(t));
            }
        }
        return times;
    }

    @Override
    public void delete(String bucket, String subject) {
        Transactions.write(jdbi, h -> h.createUpdate("DELETE FROM rate_windows WHERE bucket = :bucket AND subject = :subject")
                .bind("bucket", bucket).bind("subject", subject).execute());
    }

    @Override
    public int purge(String bucket, long beforeMillis) {
        return Transactions.write(jdbi, h -> h.createUpdate("DELETE FROM rate_windows WHERE bucket = :bucket AND updated_at < :before")
                .bind("bucket", bucket).bind("before", beforeMillis).execute());
    }

    /** How many windows {@code bucket} has (tests and operators). */
    public int count(String bucket) {
        return Transactions.read(jdbi, h -> h.createQuery("SELECT COUNT(*) FROM rate_windows WHERE bucket = :bucket")
                .bind("bucket", bucket).mapTo(Integer.class).one());
    }
}
