package org.reelforge.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.reelforge.pipeline.ConcurrentUpdateException;
import org.reelforge.pipeline.StorageException;
import org.reelforge.video.ConflictException;
import org.reelforge.video.NotFoundException;
import org.reelforge.wire.Json;
import org.reelforge.video.IllegalTransitionException;
import org.reelforge.video.InvalidRequestException;

/**
 * Turns every exception into an {@code application/problem+json} answer: ours by type, Javalin's by status, and
 * anything unexpected into a 500 that is logged with its stack (bad input never gets there).
 */
final class ProblemResponses {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        routes.exception(InvalidRequestException.class, (e, ctx) -> write(ctx, ApiException.invalid(e.field(), e.rule())));
        routes.exception(NotFoundException.class, (e, ctx) -> write(ctx, ApiException.notFound(e.getMessage())));
        routes.exception(ConflictException.class, (e, ctx) -> write(ctx, ApiException.conflict(e.getMessage(),
                e.current() == null ? null : e.current().statusLabel())));
        routes.exception(ConcurrentUpdateException.class, (e, ctx) -> write(ctx, ApiException.conflict(
                "another change got there first; look at the video again and retry")));
        routes.exception(org.reelforge.provider.ProviderException.class, (e, ctx) -> write(ctx,
                e.kind() == org.reelforge.provider.ProviderException.Kind.RATE_LIMITED
                        ? ApiException.tooManyRequests(e.getMessage(), e.retryAfter().orElse(java.time.Duration.ofMinutes(1)))
                        : ApiException.of(502, "provider", "The provider did not do it", e.getMessage())));
        routes.exception(StorageException.class, (e, ctx) -> {
            LOG.error("{} {}: storage cannot be written: {}", ctx.method(), ctx.path(), e.getMessage());
            write(ctx, ApiException.of(507, "storage", "Storage is full or read-only",
                    "the server cannot save anything right now (" + e.getMessage() + "); an operator must free space"));
        });
        routes.exception(IllegalTransitionException.class, (e, ctx) -> write(ctx, ApiException.conflict(e.getMessage())));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e)));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, ApiException.of(500, "internal", "Internal server error",
                    "the server failed to answer; the error is in its log"));
        });
    }

    static void write(Context ctx, ApiException e) {
        Problem p = e.problem();
        if (p.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        if (e.retryAfter() != null) {
            ctx.header("Retry-After", Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        }
        ctx.status(p.status()).contentType(Problem.CONTENT_TYPE).result(Json.write(p));
    }

    private static ApiException fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> ApiException.notFound("no such resource");
            case 405 -> ApiException.of(405, "method-not-allowed", "Method not allowed", "this path does not take that method");
            case 413 -> JsonBody.tooLarge(JsonBody.MAX_BYTES + 1);
            default -> ApiException.of(e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage());
        };
    }
}
