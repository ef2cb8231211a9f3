package org.reelforge.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ProviderException.Kind;

class QuotaExhaustionTest {
    private static final Call CALL = Call.of("omni", "POST", "/v1beta/interactions");
    private static final String DAILY = ErrorBodies.GOOGLE_RESOURCE_EXHAUSTED
            .replace("GenerateRequestsPerMinutePerProjectPerModel", "GenerateRequestsPerDayPerProjectPerModel");

    private static ProviderException reply(int status, String body) {
        return FailureClassifier.fromResponse(CALL, status, HttpHeaders.of(Map.<String, List<String>>of(), (a, b) -> true),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDailyQuotaIsRateLimitedUntilMidnightPacificNotForTheTwentyThreeSecondsItSuggests() {
        ProviderException e = reply(429, DAILY);
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter().orElseThrow()).isGreaterThan(Duration.ofSeconds(23)).isLessThanOrEqualTo(Duration.ofHours(24));
        assertThat(e.getMessage()).contains("quota exhausted", "try again after the provider's quota resets");
    }

    @Test
    void theDailyResetIsMidnightInCalifornia() {
        ErrorBody body = ErrorBody.parse(DAILY.getBytes(StandardCharsets.UTF_8));
        Instant elevenPmPacific = Instant.parse("2026-12-02T07:00:00Z");
        assertThat(FailureClassifier.exhaustedFor(body, DAILY.getBytes(StandardCharsets.UTF_8), elevenPmPacific))
                .contains(Duration.ofHours(1));
    }

    @Test
    void exhaustedCreditsWaitAnHourAndAnOrdinaryRateLimitWaitsWhatItSays() {
        assertThat(reply(429, ErrorBodies.OPENAI_INSUFFICIENT_QUOTA).retryAfter()).contains(Duration.ofHours(1));
        ProviderException eleven = reply(401, ErrorBodies.ELEVENLABS_QUOTA_EXCEEDED);
        assertThat(eleven.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(eleven.retryAfter()).contains(Duration.ofHours(1));
        assertThat(reply(429, ErrorBodies.GOOGLE_RESOURCE_EXHAUSTED).retryAfter()).contains(Duration.ofSeconds(23));
    }
}
