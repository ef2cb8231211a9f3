package org.reelforge.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * At most {@code perMinute} video creations per user in any sliding minute. In memory, per process: with several
 * API nodes each node applies the limit on its own. Thread-safe.
 */
public final class CreationLimiter {
    private final SlidingWindow window;

    public CreationLimiter(int perMinute, Clock clock) {
        this.window = new SlidingWindow(perMinute, Duration.ofMinutes(1), clock);
    }

    public int perMinute() {
        return window.limit();
    }

    /** Counts one creation for {@code user}; empty if allowed, else how long until the next one would be. */
    public Optional<Duration> acquire(String user) {
        return window.tryAcquire(user);
    }
}
