package org.reelforge.provider;

import java.time.Duration;
import java.util.List;
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
    private final String detail;
    private final List<ProviderCall> calls;

    public ProviderException(Kind kind, String provider, ErrorCategory category, String message, Duration retryAfter,
                             Throwable cause) {
        this(kind, provider, category, message, retryAfter, cause, List.of());
    }

    private ProviderException(Kind kind, String provider, ErrorCategory category, String message, Duration retryAfter,
                              Throwable cause, List<ProviderCall> calls) {
        super(provider + ": " + message, cause);
        this.kind = kind;
        this.provider = provider;
        this.category = category == null ? defaultCategory(kind) : category;
        this.retryAfter = retryAfter;
        this.detail = message;
        this.calls = List.copyOf(calls);
    }

    /**
     * The same failure, also carrying {@code paid}: calls the provider billed on the way to it (the tokens of a
     * refused or unrepairable LLM reply), so the ledger records them although nothing usable came back.
     */
    public ProviderException withCalls(List<ProviderCall> paid) {
        if (paid.isEmpty()) {
            return this;
        }
        List<ProviderCall> all = new java.util.ArrayList<>(paid);
        all.addAll(calls);
        ProviderException copy = new ProviderException(kind, provider, category, detail, retryAfter, getCause(), all);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** Calls billed before this failure (empty for most failures: a refused video or an HTTP error is not billed). */
    public List<ProviderCall> calls() {
        return calls;
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
