package org.reelforge.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.reelforge.account.RateWindows;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed sign-ins for one username from one address
 * within {@link #WINDOW}, further attempts for that pair are refused, password unchecked, until the oldest failure
 * leaves the window. A successful sign-in clears the pair's failures. Keyed by username and address together,
 * so a stranger guessing from elsewhere cannot lock the real user out (behind a reverse proxy every caller
 * shares one address and the limit becomes per username). Counted in the database, so every API node on it refuses
 * the same pairs. Thread-safe.
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private final SlidingWindow failures;

    LoginThrottle(RateWindows windows, Clock clock) {
        this.failures = new SlidingWindow(windows, "login_failure", MAX_FAILURES, WINDOW, clock);
    }

    /** Empty when {@code username} may try to sign in from {@code address} now, else how long to wait. */
    Optional<Duration> waitBefore(String username, String address) {
        return failures.waitBefore(key(username, address));
    }

    void failed(String username, String address) {
        failures.record(key(username, address));
    }

    void succeeded(String username, String address) {
        failures.clear(key(username, address));
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + '\n' + address;
    }
}
