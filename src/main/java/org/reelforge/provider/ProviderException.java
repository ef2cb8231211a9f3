package org.reelforge.provider;

import java.time.Duration;
import java.util.Optional;
import org.reelforge.ReelForgeException;
import org.reelforge.video.ErrorCategory;

/**
 * A provider call that did not give what was asked. Adapters classify at the edge (HTTP status, body,
 * Retry-After) into a {@link Kind}; the pipeline decides from the kind, never from HTTP codes.
 */
public final class ProviderException extends ReelForgeException {
    /** What the pipeline should do about it. */
    public enum Kind {
        /** Try again: 5xx, connection reset, timeout. */
        TRANSIENT,
        /** Wait as the provider asks ({@link #retryAfter()}), then try again; not a failed attempt. */
        RATE_LIMITED,
        /** The provider will not make this content; the same prompt would be refused again. */
        REFUSED,
        /** A retry cannot help: invalid argument, bad key, missing model. */
        PERMANENT
    }

    private final Kind kind;
    private final String provider;
    private final ErrorCategory category;
    private final Duration retryAfter;

    public ProviderException(Kind kind, String provider, ErrorCategory category, String message, Duration retryAfter,
                             Throwable cause) {
        super(provider + ": " + message, cause);
        this.kind = kind;
        this.provider = provider;
        this.category = category == null ? defaultCategory(kind) : category;
        this.retryAfter = retryAfter;
    }

    public static ProviderException transientError(String provider, String message, Throwable cause) {
        return new ProviderException(Kind.TRANSIENT, provider, ErrorCategory.DEFAULT, message, null, cause);
    }

    public static ProviderException rateLimited(String provider, String message, Duration retryAfter) {
        return new ProviderException(Kind.RATE_LIMITED, provider, ErrorCategory.QUOTA_EXCEEDED, message, retryAfter, null);
    }

    public static ProviderException refused(String provider, ErrorCategory category, String message) {
        return new ProviderException(Kind.REFUSED, provider, category, message, null, null);
    }

    public static ProviderException permanent(String provider, String message) {
        return new ProviderException(Kind.PERMANENT, provider, ErrorCategory.DEFAULT, message, null, null);
    }

    private static ErrorCategory defaultCategory(Kind kind) {
        return switch (kind) {
            case RATE_LIMITED -> ErrorCategory.QUOTA_EXCEEDED;
            case REFUSED -> ErrorCategory.USAGE_GUIDELINES;
            default -> ErrorCategory.DEFAULT;
        };
    }

    public Kind kind() {
        return kind;
    }

    public String provider() {
        return provider;
    }

    public ErrorCategory category() {
        return category;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
