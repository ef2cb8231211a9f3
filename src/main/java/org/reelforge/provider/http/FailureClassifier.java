package org.reelforge.provider.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ProviderException.Kind;
import org.reelforge.video.ErrorCategory;

/**
 * The one place where the failures of every HTTP provider become {@link ProviderException} kinds.
 *
 * <pre>
 * HTTP / body                                              kind          category
 * 5xx, 408                                                 TRANSIENT     default
 * connection reset/refused, timeout, other I/O error       TRANSIENT     default
 * 2xx with a body that is not JSON                         TRANSIENT     default   (truncated or proxy page: retry)
 * 2xx JSON without the expected fields                     PERMANENT     default   (the contract changed: a retry pays again for nothing)
 * 429 (any body: RESOURCE_EXHAUSTED, rate limit,
 *      insufficient_quota, too_many_concurrent_requests,
 *      system_busy)                                        RATE_LIMITED  quota_exceeded, retryAfter from
 *                                                          retry-after-ms, Retry-After, RetryInfo.retryDelay,
 *                                                          or "retry in 23.4s" in the message
 * 401 with status quota_exceeded (ElevenLabs)              RATE_LIMITED  quota_exceeded
 * quota exhausted, not a burst: Google QuotaFailure with a
 *      per-day quota id, OpenAI insufficient_quota,
 *      ElevenLabs quota_exceeded                           RATE_LIMITED  quota_exceeded, retryAfter until the daily
 *                                                          reset (midnight Pacific) or {@value #CREDITS_WAIT_HOURS} h for
 *                                                          exhausted credits, so the engine's bounded wait stops the video
 * other 4xx (400 INVALID_ARGUMENT/API_KEY_INVALID/
 *      FAILED_PRECONDITION, 401, 403, 404, 422…)           PERMANENT     default
 * provider refusal in a 2xx reply (see {@link #refusal})   REFUSED       third_party_content when the reason names
 *                                                          third-party content, copyright or support code 35561574,
 *                                                          else usage_guidelines
 * </pre>
 */
public final class FailureClassifier {
    private static final Pattern RETRY_IN = Pattern.compile("retry in (\\d+(?:\\.\\d+)?)\\s*s", Pattern.CASE_INSENSITIVE);
    private static final Set<String> THIRD_PARTY_MARKERS = Set.of("third-party", "third party", "35561574", "copyright",
            "recitation");
    private static final Set<String> REFUSAL_MARKERS = Set.of("usage guidelines", "support code", "third-party content",
            "responsible ai", "safety filter", "not been charged", "blocked by safety");

    static final int CREDITS_WAIT_HOURS = 1;
    private static final java.time.ZoneId GOOGLE_QUOTA_ZONE = java.time.ZoneId.of("America/Los_Angeles");

    private FailureClassifier() {
    }

    /** A reply whose status is not 2xx. */
    public static ProviderException fromResponse(Call call, int status, HttpHeaders headers, byte[] body) {
        ErrorBody error = ErrorBody.parse(body);
        String message = call.redact(call.describe() + " → HTTP " + status + describe(error));
        if (status == 429 || (status == 401 && "quota_exceeded".equals(error.code()))) {
            Optional<Duration> asked = retryAfter(headers, error);
            Optional<Duration> exhausted = exhaustedFor(error, body, Instant.now());
            if (exhausted.isPresent()) {
                Duration wait = asked.filter(a -> a.compareTo(exhausted.get()) > 0).orElse(exhausted.get());
                return ProviderException.rateLimited(call.provider(), message + " (quota exhausted: try again after the "
                        + "provider's quota resets)", wait);
            }
            return ProviderException.rateLimited(call.provider(), message, asked.orElse(null));
        }
        if (status == 408 || status >= 500) {
            return new ProviderException(Kind.TRANSIENT, call.provider(), ErrorCategory.DEFAULT, message, null, null);
        }
        return ProviderException.permanent(call.provider(), message);
    }

    /** The exchange itself failed: no reply, reset, timeout. Always worth another try. */
    public static ProviderException fromIOException(Call call, IOException e) {
        String what;
        if (e instanceof HttpConnectTimeoutException) {
            what = "connect timed out";
        } else if (e instanceof HttpTimeoutException) {
            what = "no reply within the request timeout";
        } else if (e instanceof ConnectException) {
            what = "connection refused or unreachable";
        } else {
            what = "I/O error " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        }
        return ProviderException.transientError(call.provider(), call.redact(call.describe() + " failed: " + what), e);
    }

    public static ProviderException interrupted(Call call, InterruptedException e) {
        Thread.currentThread().interrupt();
        return ProviderException.transientError(call.provider(), call.describe() + " was interrupted", e);
    }

    /**
     * A 2xx reply that is not JSON. Most likely cut off or replaced by a proxy, so TRANSIENT: the pipeline's
     * retry limit bounds the cost of trying again.
     */
    public static ProviderException malformedReply(Call call, Throwable cause) {
        return ProviderException.transientError(call.provider(), call.describe() + " replied with malformed JSON: "
                + call.redact(String.valueOf(cause.getMessage())), cause);
    }

    /** A well-formed reply that lacks what the provider documents: retrying would pay again for the same answer. */
    public static ProviderException unexpectedReply(Call call, String what) {
        return ProviderException.permanent(call.provider(), call.describe() + " replied without " + what);
    }

    /**
     * The provider will not make this content. The category says whether avoiding known characters and
     * brands would help (third-party content) or the theme itself is the problem (usage guidelines).
     */
    public static ProviderException refusal(String provider, String what, String reason) {
        return ProviderException.refused(provider, refusalCategory(reason), what + " refused: " + reason);
    }

    public static ErrorCategory refusalCategory(String reason) {
        String lower = reason.toLowerCase(Locale.ROOT);
        return THIRD_PARTY_MARKERS.stream().anyMatch(lower::contains)
                ? ErrorCategory.THIRD_PARTY_CONTENT : ErrorCategory.USAGE_GUIDELINES;
    }

    /**
     * A long-running operation that finished with {@code error {code, message}}. The code may be a
     * google.rpc code (0–16) or an HTTP status; unknown codes are TRANSIENT. A message that reads as a
     * safety refusal ("usage guidelines", "Support codes: …") is REFUSED whatever the code.
     */
    public static ProviderException fromOperationError(String provider, String what, int code, String message) {
        String text = what + " failed with code " + code + ": " + message;
        String lower = message.toLowerCase(Locale.ROOT);
        if (REFUSAL_MARKERS.stream().anyMatch(lower::contains)) {
            return ProviderException.refused(provider, refusalCategory(message), text);
        }
        Kind kind = code >= 100 ? kindOfHttpStatus(code) : kindOfRpcCode(code);
        return kind == Kind.RATE_LIMITED
                ? ProviderException.rateLimited(provider, text, null)
                : new ProviderException(kind, provider, ErrorCategory.DEFAULT, text, null, null);
    }

    private static Kind kindOfHttpStatus(int status) {
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        return status == 408 || status >= 500 ? Kind.TRANSIENT : Kind.PERMANENT;
    }

    private static Kind kindOfRpcCode(int code) {
        return switch (code) {
            case 3, 5, 6, 7, 9, 11, 12, 16 -> Kind.PERMANENT; // invalid argument, not found, denied, precondition…
            case 8 -> Kind.RATE_LIMITED; // RESOURCE_EXHAUSTED
            default -> Kind.TRANSIENT; // cancelled, unknown, deadline, aborted, internal, unavailable, data loss
        };
    }

    private static String describe(ErrorBody error) {
        String text = error.describe();
        return text.isEmpty() ? "" : " " + text;
    }

    /**
     * How long an exhausted quota lasts: until the next midnight Pacific for Google's per-day quotas, an hour for
     * exhausted credits (OpenAI insufficient_quota, ElevenLabs quota_exceeded); empty for an ordinary rate limit.
     */
    static Optional<Duration> exhaustedFor(ErrorBody error, byte[] body, Instant now) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        if (text.contains("PerDay")) {
            java.time.ZonedDateTime pacific = now.atZone(GOOGLE_QUOTA_ZONE);
            java.time.ZonedDateTime reset = pacific.toLocalDate().plusDays(1).atStartOfDay(GOOGLE_QUOTA_ZONE);
            return Optional.of(Duration.between(pacific, reset));
        }
        if ("insufficient_quota".equals(error.code()) || "quota_exceeded".equals(error.code())) {
            return Optional.of(Duration.ofHours(CREDITS_WAIT_HOURS));
        }
        return Optional.empty();
    }

    static Optional<Duration> retryAfter(HttpHeaders headers, ErrorBody error) {
        Optional<Duration> fromHeaders = headers.firstValue("retry-after-ms").flatMap(FailureClassifier::millis)
                .or(() -> headers.firstValue("retry-after").flatMap(FailureClassifier::retryAfterHeader));
        return fromHeaders.or(error::retryDelay).or(() -> retryInMessage(error.message()));
    }

    private static Optional<Duration> millis(String value) {
        try {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value.strip()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Retry-After is either delta-seconds or an HTTP date. */
    private static Optional<Duration> retryAfterHeader(String value) {
        try {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Duration> retryInMessage(String message) {
        Matcher m = RETRY_IN.matcher(message);
        return m.find() ? Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(m.group(1)) * 1000)))
                : Optional.empty();
    }
}
