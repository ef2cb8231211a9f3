package org.reelforge.provider.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a call may take. {@code request} bounds the wait for the response headers of one exchange
 * (the JDK client's request timeout); downloads of large bodies are not cut by it once they have started.
 */
public record HttpTimeouts(Duration connect, Duration request) {
    public HttpTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(request, "request");
        if (connect.isNegative() || connect.isZero() || request.isNegative() || request.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive (connect " + connect + ", request " + request + ")");
        }
    }

    public static HttpTimeouts of(Duration connect, Duration request) {
        return new HttpTimeouts(connect, request);
    }

    public static HttpTimeouts ofSeconds(long connect, long request) {
        return new HttpTimeouts(Duration.ofSeconds(connect), Duration.ofSeconds(request));
    }
}
