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
 * At most {@code perMinute} video creations per user in any sliding minute. In memory, per process: with several
 * API nodes each node applies the limit on its own. Thread-safe.
 */
public final class CreationLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public CreationLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Counts one creation for {@code user}; empty if allowed, else how long until the next one would be. */
    public Optional<Duration> acquire(String user) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }
}
