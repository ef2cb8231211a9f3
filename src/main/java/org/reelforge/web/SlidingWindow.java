package org.reelforge.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.reelforge.account.RateWindows;
import org.reelforge.account.RateWindows.Change;

/**
 * Counts events per key over a sliding window and says how long a key must wait once it has had {@code limit} of
 * them. The windows live in the database ({@code rate_windows}), so every API node on one database counts the same
 * events: a change takes the window's row lock first, so two nodes cannot both let the last event in. Only the
 * {@code limit} most recent events of a key are kept (older ones cannot change a wait), keys are stored as SHA-256
 * digests, and windows untouched for a whole window are purged (at most once a minute per node), so made-up keys
 * cannot grow the table without bound. Thread-safe.
 */
final class SlidingWindow {
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    private final RateWindows windows;
    private final String bucket;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong(Long.MIN_VALUE);

    /** @param bucket the window's name in the table, e.g. {@code create} */
    SlidingWindow(RateWindows windows, String bucket, int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.windows = windows;
        this.bucket = bucket;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    int limit() {
        return limit;
    }

    /** Records one event for {@code key} unless the window is full; empty if recorded, else the wait. */
    Optional<Duration> tryAcquire(String key) {
        purgeIfDue();
        Instant now = clock.instant();
        String subject = digest(key);
        return windows.change(bucket, subject, now.toEpochMilli(), stored -> {
            List<Long> times = recent(stored, now);
            Optional<Duration> wait = waitFor(times, now);
            if (wait.isEmpty()) {
                times.add(now.toEpochMilli());
            }
            return new Change<>(times, wait);
        });
    }

    /** How long {@code key} must wait before its next event would fit; empty if it fits now. */
    Optional<Duration> waitBefore(String key) {
        Instant now = clock.instant();
        return waitFor(recent(windows.read(bucket, digest(key)), now), now);
    }

    /** Records one event for {@code key}, full window or not. */
    void record(String key) {
        purgeIfDue();
        Instant now = clock.instant();
        String subject = digest(key);
        windows.change(bucket, subject, now.toEpochMilli(), stored -> {
            List<Long> times = recent(stored, now);
            times.add(now.toEpochMilli());
            return new Change<>(List.copyOf(times.subList(Math.max(0, times.size() - limit), times.size())), null);
        });
    }

    /** Forgets the events of {@code key}. */
    void clear(String key) {
        windows.delete(bucket, digest(key));
    }

    /** The events still inside the window at {@code now}, oldest first. */
    private List<Long> recent(List<Long> times, Instant now) {
        long oldest = now.minus(window).toEpochMilli();
        List<Long> inside = new ArrayList<>();
        for (long t : times) {
            if (t > oldest) {
                inside.add(t);
            }
        }
        return inside;
    }

    private Optional<Duration> waitFor(List<Long> times, Instant now) {
        if (times.size() < limit) {
            return Optional.empty();
        }
        Instant free = Instant.ofEpochMilli(times.get(times.size() - limit)).plus(window);
        return Optional.of(Duration.between(now, free));
    }

    private void purgeIfDue() {
        long now = clock.millis();
        long last = lastPurge.get();
        boolean due = last == Long.MIN_VALUE || now - last >= PURGE_EVERY.toMillis();
        if (due && lastPurge.compareAndSet(last, now)) {
            windows.purge(bucket, now - window.toMillis());
        }
    }

    private static String digest(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
