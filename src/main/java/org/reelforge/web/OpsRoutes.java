package org.reelforge.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Health ({@code /api/health}), Prometheus metrics ({@code /metrics}) and the OpenAPI document: no token needed. */
final class OpsRoutes {
    private final WebBackend backend;
    private final PrometheusMetrics metrics;
    private final byte[] openApi;

    OpsRoutes(WebBackend backend, ProgressHub hub) {
        this.backend = backend;
        this.metrics = new PrometheusMetrics(backend, hub);
        this.openApi = resource("openapi.json");
    }

    record Check(boolean ok, String detail) {
    }

    record Health(String status, Map<String, Check> checks) {
    }

    void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    private void health(Context ctx) {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("database", database());
        boolean ffmpeg = backend.ffmpegAvailable();
        checks.put("ffmpeg", new Check(ffmpeg, ffmpeg ? "ffmpeg answers" : "ffmpeg is not on the PATH"));
        boolean workers = backend.workersRunning();
        checks.put("scheduler", new Check(workers, workers ? "workers running in this process"
                : "no workers in this process: videos wait for a worker node"));
        boolean ok = checks.values().stream().allMatch(Check::ok);
        ctx.status(ok ? 200 : 503).json(new Health(ok ? "ok" : "degraded", checks));
    }

    private Check database() {
        try {
            return new Check(backend.store().read(tx -> tx.statistics().ping()), "answers");
        } catch (RuntimeException e) {
            return new Check(false, e.getMessage());
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath beside " + OpsRoutes.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
