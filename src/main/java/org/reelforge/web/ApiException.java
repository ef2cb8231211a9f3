package org.reelforge.web;

import java.time.Duration;
import org.reelforge.ReelForgeException;

/** A request the API refuses, with the HTTP status and problem document to answer with. */
public final class ApiException extends ReelForgeException {
    private final Problem problem;
    private final Duration retryAfter;

    private ApiException(Problem problem, Duration retryAfter) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public static ApiException of(int status, String slug, String title, String detail) {
        return new ApiException(new Problem("urn:reelforge:problem:" + slug, title, status, detail, null, null), null);
    }

    public static ApiException invalid(String field, String rule) {
        String detail = field == null ? rule : field + ": " + rule;
        return new ApiException(new Problem("urn:reelforge:problem:invalid-request", "Invalid request", 400, detail,
                field, rule), null);
    }

    public static ApiException unauthorized(String detail) {
        return of(401, "unauthorized", "Authentication required", detail);
    }

    public static ApiException forbidden(String detail) {
        return of(403, "forbidden", "Not allowed", detail);
    }

    public static ApiException notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    public static ApiException conflict(String detail) {
        return of(409, "conflict", "Conflict with the current state", detail);
    }

    /** A conflict with a video's state, saying what that state is now. */
    public static ApiException conflict(String detail, String currentStatus) {
        return new ApiException(new Problem("urn:reelforge:problem:conflict", "Conflict with the current state", 409,
                detail, null, null, currentStatus), null);
    }

    public static ApiException tooManyRequests(String detail, Duration retryAfter) {
        ApiException e = of(429, "rate-limited", "Too many requests", detail);
        return new ApiException(e.problem, retryAfter);
    }

    public Problem problem() {
        return problem;
    }

    /** How long the client should wait before trying again (429 only); null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
