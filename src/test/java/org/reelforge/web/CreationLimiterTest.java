package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.reelforge.pipeline.MutableClock;

class CreationLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    private final CreationLimiter limiter = new CreationLimiter(3, clock);

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
    void eachUserHasTheirOwnAllowance() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("alice");
        }

        assertThat(limiter.acquire("alice")).isPresent();
        assertThat(limiter.acquire("bob")).isEmpty();
    }
}
