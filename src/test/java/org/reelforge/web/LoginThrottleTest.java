package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.pipeline.MutableClock;
import org.reelforge.store.Database;
import org.reelforge.store.JdbiRateWindows;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    private LoginThrottle throttle;
    private Database database;

    @BeforeEach
    void open(@TempDir Path dir) {
        database = Database.sqlite(dir);
        throttle = new LoginThrottle(new JdbiRateWindows(database), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theSixthAttemptWaitsUntilTheOldestFailureIsFifteenMinutesOld() {
        throttle.failed("alice", "10.0.0.1");
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.waitBefore("alice", "10.0.0.1")).isEmpty();
            throttle.failed("alice", "10.0.0.1");
        }

        assertThat(throttle.waitBefore("alice", "10.0.0.1")).contains(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.waitBefore("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresCountPerUsernameAndAddressAndASuccessClearsThem() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.failed("Alice", "10.0.0.1");
        }

        assertThat(throttle.waitBefore("alice", "10.0.0.1")).isPresent();
        assertThat(throttle.waitBefore("alice", "10.0.0.2")).isEmpty();
        assertThat(throttle.waitBefore("bob", "10.0.0.1")).isEmpty();
        throttle.succeeded("alice", "10.0.0.1");
        assertThat(throttle.waitBefore("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresPastTheLimitKeepTheWaitAnchoredToTheFifthMostRecent() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("alice", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }

        // failures at minutes 0..6; the limit is free again when only four remain, i.e. when minute 2 leaves at 17
        assertThat(throttle.waitBefore("alice", "10.0.0.1")).contains(Duration.ofMinutes(10));
    }
}
