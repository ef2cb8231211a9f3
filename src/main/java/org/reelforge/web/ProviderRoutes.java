package org.reelforge.web;

import io.javalin.config.RoutesConfig;

/** {@code GET /api/providers} (admin): the same document as {@code ./reelforge providers --json}. */
final class ProviderRoutes {
    private final WebBackend backend;
    private final Auth auth;

    ProviderRoutes(WebBackend backend, Auth auth) {
        this.backend = backend;
        this.auth = auth;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/providers", ctx -> {
            auth.admin(ctx);
            ctx.json(backend.providers());
        });
    }
}
