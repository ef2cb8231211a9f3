package org.reelforge.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * Cross-origin access for the origins listed in {@code REELFORGE_CORS_ORIGINS} (none by default). A preflight from
 * another origin is refused with 403; a plain request from another origin is served without CORS headers, so the
 * browser withholds the answer from that page (same-origin requests are unaffected).
 */
final class Cors {
    private final List<String> origins;

    Cors(List<String> origins) {
        this.origins = List.copyOf(origins);
    }

    void register(RoutesConfig routes) {
        routes.before(this::apply);
    }

    private void apply(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        boolean allowed = origins.contains(origin);
        boolean preflight = ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null;
        if (preflight && !allowed) {
            throw ApiException.forbidden("origin " + origin + " is not allowed (REELFORGE_CORS_ORIGINS)");
        }
        if (!allowed) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin");
        if (preflight) {
            ctx.header("Access-Control-Allow-Methods", "GET, HEAD, POST, DELETE, OPTIONS")
                    .header("Access-Control-Allow-Headers", "Authorization, Content-Type, Range")
                    .header("Access-Control-Max-Age", "600");
            ctx.status(204).skipRemainingHandlers();
        } else {
            ctx.header("Access-Control-Expose-Headers", "Retry-After, Content-Range, Accept-Ranges, Content-Length, Location");
        }
    }
}
