package org.reelforge.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.reelforge.account.RateWindows;

/**
 * At most {@code perMinute} video creations per user in any sliding minute, counted in the database, so several API
 * nodes on one database apply one limit together. Thread-safe.
 */
public final class CreationLimiter {
    private final SlidingWindow window;

    public CreationLimiter(RateWindows windows, int perMinute, Clock clock) {
        this.window = new SlidingWindow(windows, "create", perMinute, Duration.ofMinutes(1), clock);
    }

    public int perMinute() {
        return window.limit();
    }

    /** Counts one creation for {@code user}; empty if allowed, else how long until the next one would be. */
    public Optional<Duration> acquire(String user) {
        return window.tryAcquire(user);
    }
}
