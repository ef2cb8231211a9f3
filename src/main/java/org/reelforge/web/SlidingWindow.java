package org.reelforge.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key over a sliding window and says how long a key must wait once it has had
 * {@code limit} of them. In memory, per process. Keys whose events have all left the window are forgotten
 * once the map grows past {@value #PRUNE_ABOVE} keys, so random keys (an attacker's made-up usernames) cannot
 * grow it without bound. Thread-safe.
 */
final class SlidingWindow {
    private static final int PRUNE_ABOVE = 10_000;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    SlidingWindow(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    int limit() {
        return limit;
    }

    /** Records one event for {@code key} unless the window is full; empty if recorded, else the wait. */
    Optional<Duration> tryAcquire(String key) {
        Deque<Instant> times = times(key);
        synchronized (times) {
            Optional<Duration> wait = waitLocked(times);
            if (wait.isEmpty()) {
                times.addLast(clock.instant());
            }
            return wait;
        }
    }

    /** How long {@code key} must wait before its next event would fit; empty if it fits now. */
    Optional<Duration> waitBefore(String key) {
        Deque<Instant> times = recent.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            return waitLocked(times);
        }
    }

    /** Records one event for {@code key}, full window or not. */
    void record(String key) {
        Deque<Instant> times = times(key);
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }

    /** Forgets the events of {@code key}. */
    void clear(String key) {
        recent.remove(key);
    }

    private Optional<Duration> waitLocked(Deque<Instant> times) {
        Instant now = clock.instant();
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.pollFirst();
        }
        if (times.size() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, times.toArray(Instant[]::new)[times.size() - limit].plus(window)));
    }

    private Deque<Instant> times(String key) {
        if (recent.size() > PRUNE_ABOVE) {
            prune();
        }
        return recent.computeIfAbsent(key, k -> new ArrayDeque<>());
    }

    private void prune() {
        Instant oldest = clock.instant().minus(window);
        recent.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Instant last = e.getValue().peekLast();
                return last == null || !last.isAfter(oldest);
            }
        });
    }
}
