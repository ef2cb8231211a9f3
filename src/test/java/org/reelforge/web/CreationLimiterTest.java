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

class CreationLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    private CreationLimiter limiter;
    private Database database;

    @BeforeEach
    void open(@TempDir Path dir) {
        database = Database.sqlite(dir);
        limiter = new CreationLimiter(new JdbiRateWindows(database), 3, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void fourthCreationInAMinuteWaitsUntilTheFirstLeavesTheWindow() {
        assertThat(limiter.acquire("alice")).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.acquire("alice")).isEmpty();
        assertThat(limiter.acquire("alice")).isEmpty();

        assertThat(limiter.acquire("alice")).contains(Duration.ofSeconds(40));
        clock.advance(Duration.ofSeconds(40));
        assertThat(limiter.acquire("alice")).isEmpty();
    }

    @Test
    void windowsOfUsersWhoStoppedCreatingArePurgedSoTheTableStaysSmall() {
        for (int i = 0; i < 50; i++) {
            limiter.acquire("user-" + i);
        }
        clock.advance(Duration.ofMinutes(2));

        limiter.acquire("alice");

        assertThat(new JdbiRateWindows(database).count("create")).isEqualTo(1);
    }

    @Test
    void twoLimitersOnOneDatabaseShareTheAllowanceAsTwoNodesWould() {
        CreationLimiter otherNode = new CreationLimiter(new JdbiRateWindows(database), 3, clock);
        limiter.acquire("alice");
        otherNode.acquire("alice");
        limiter.acquire("alice");

        assertThat(otherNode.acquire("alice")).contains(Duration.ofMinutes(1));
    }

    @Test
    void eachUserHasTheirOwnAllowance() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("alice");
        }

        assertThat(limiter.acquire("alice")).isPresent();
        assertThat(limiter.acquire("bob")).isEmpty();
    }
}
