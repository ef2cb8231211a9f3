package org.reelforge.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ProviderException.Kind;
import org.reelforge.video.ErrorCategory;

class FailureClassifierTest {
    private static final Call CALL = new Call("test", "POST", "/v1/thing?key=abc", List.of(new Secret("Bearer tok-123")));

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (a, b) -> true);
    }

    private static ProviderException classify(int status, String body) {
        return FailureClassifier.fromResponse(CALL, status, headers(Map.of()), body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({"400, PERMANENT", "401, PERMANENT", "403, PERMANENT", "404, PERMANENT", "408, TRANSIENT",
        "422, PERMANENT", "429, RATE_LIMITED", "500, TRANSIENT", "502, TRANSIENT", "503, TRANSIENT", "504, TRANSIENT"})
    void statusDecidesTheKind(int status, Kind kind) {
        assertThat(classify(status, "").kind()).isEqualTo(kind);
    }

    @Test
    void messageNamesTheCallWithoutItsQueryAndWithoutCredentials() {
        ProviderException e = classify(400, "{\"error\":{\"message\":\"token tok-123 is wrong\",\"status\":\"INVALID_ARGUMENT\"}}");

        assertThat(e.getMessage()).isEqualTo("test: POST /v1/thing → HTTP 400 INVALID_ARGUMENT: token *** is wrong");
    }

    @Test
    void retryAfterComesFromMillisThenSecondsThenAnHttpDate() {
        byte[] none = new byte[0];
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));

        assertThat(FailureClassifier.fromResponse(CALL, 429, headers(Map.of("retry-after-ms", List.of("250"))), none)
                .retryAfter()).contains(Duration.ofMillis(250));
        assertThat(FailureClassifier.fromResponse(CALL, 429, headers(Map.of("Retry-After", List.of("3"))), none)
                .retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(FailureClassifier.fromResponse(CALL, 429, headers(Map.of("Retry-After", List.of(inTenSeconds))), none)
                .retryAfter()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @Test
    void googleRetryInfoAndApiKeyReasonAreRead() {
        ErrorBody quota = ErrorBody.parse(ErrorBodies.GOOGLE_RESOURCE_EXHAUSTED.getBytes(StandardCharsets.UTF_8));
        ErrorBody key = ErrorBody.parse(ErrorBodies.GOOGLE_API_KEY_INVALID.getBytes(StandardCharsets.UTF_8));

        assertThat(quota.code()).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(quota.retryDelay()).contains(Duration.ofSeconds(23));
        assertThat(key.reason()).isEqualTo("API_KEY_INVALID");
        assertThat(ErrorBody.protoDuration("23.47s")).contains(Duration.ofMillis(23_470));
    }

    @Test
    void elevenLabsQuotaIn401IsRateLimited() {
        ProviderException e = classify(401, ErrorBodies.ELEVENLABS_QUOTA_EXCEEDED);

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
    }

    @Test
    void htmlErrorPageIsKeptAsAShortSnippet() {
        ProviderException e = classify(502, "<html>\n<body>" + "x".repeat(1_000) + "</body></html>");

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).hasSizeLessThan(400).contains("<html> <body>");
    }

    @ParameterizedTest(name = "operation error code {0} is {1}")
    @CsvSource({"3, PERMANENT", "4, TRANSIENT", "8, RATE_LIMITED", "13, TRANSIENT", "14, TRANSIENT", "500, TRANSIENT",
        "400, PERMANENT", "99, TRANSIENT"})
    void operationErrorCodesAreClassified(int code, Kind kind) {
        assertThat(FailureClassifier.fromOperationError("veo", "operation x", code, "boom").kind()).isEqualTo(kind);
    }

    @Test
    void operationErrorThatReadsAsASafetyRefusalIsRefused() {
        ProviderException e = FailureClassifier.fromOperationError("veo", "operation x", 3, "The prompt could not be "
                + "submitted. This prompt contains words that violate Vertex AI's usage guidelines. Support codes: 58061214");

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.category()).isEqualTo(ErrorCategory.USAGE_GUIDELINES);
    }

    @Test
    void secretsNeverPrint() {
        assertThat(new Secret("abc").toString()).isEqualTo("***");
        assertThat(new Environment(Map.of("REELFORGE_GEMINI_API_KEY", "abc")).toString()).doesNotContain("abc");
        assertThat(new Call("x", "GET", "/", List.of()).redact("Incorrect API key provided: sk-proj-abc1***wxyz."))
                .isEqualTo("Incorrect API key provided: sk-***.");
    }
}
