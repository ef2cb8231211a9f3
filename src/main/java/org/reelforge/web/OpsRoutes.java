package org.reelforge.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.reelforge.artifact.ArtifactStore;

/**
 * Liveness ({@code /api/health}: the process answers, nothing else is touched), readiness ({@code /api/ready}:
 * database, artifact store, scheduler and ffmpeg, 503 naming what failed, and 503 while the node shuts down),
 * Prometheus metrics ({@code /metrics}) and the OpenAPI document: no token needed. Both health documents have the
 * shape {@code {status, checks: {name: {ok, detail}}}}.
 */
final class OpsRoutes {
    /** ffmpeg is a process to spawn: asked at most this often, not on every probe. */
    private static final Duration FFMPEG_RECHECK = Duration.ofSeconds(30);
    private final WebBackend backend;
    private final ArtifactStore artifacts;
    private final BooleanSupplier draining;
    private final PrometheusMetrics metrics;
    private final byte[] openApi;
    private final Clock clock;
    private volatile Instant ffmpegCheckedAt = Instant.MIN;
    private volatile boolean ffmpegAnswers;

    OpsRoutes(WebBackend backend, ArtifactStore artifacts, ProgressHub hub, BooleanSupplier draining, Clock clock) {
        this.backend = backend;
        this.artifacts = artifacts;
        this.draining = draining;
        this.clock = clock;
        this.metrics = new PrometheusMetrics(backend, hub);
        this.openApi = resource("openapi.json");
    }

    record Check(boolean ok, String detail) {
    }

    record Health(String status, Map<String, Check> checks) {
    }

    void register(RoutesConfig routes) {
        routes.get("/api/health", ctx -> ctx.json(new Health("ok", Map.of("process", new Check(true, "answers")))));
        routes.get("/api/ready", this::ready);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    private void ready(Context ctx) {
        Map<String, Check> checks = new LinkedHashMap<>();
        if (draining.getAsBoolean()) {
            checks.put("shutdown", new Check(false, "this node is shutting down: running steps are finishing, send new work elsewhere"));
        }
        checks.put("database", database());
        checks.put("artifacts", artifacts());
        boolean workers = backend.workersRunning();
        checks.put("scheduler", new Check(workers, workers ? "workers running in this process"
                : "no workers running in this process"));
        boolean ffmpeg = ffmpeg();
        checks.put("ffmpeg", new Check(ffmpeg, ffmpeg ? "ffmpeg answers" : "ffmpeg is not on the PATH"));
        boolean ok = checks.values().stream().allMatch(Check::ok);
        ctx.status(ok ? 200 : 503).json(new Health(ok ? "ok" : "not_ready", checks));
    }

    private Check database() {
        try {
            return new Check(backend.statistics().ping(), "answers");
        } catch (RuntimeException e) {
            return new Check(false, e.getMessage());
        }
    }

    private Check artifacts() {
        try {
            Optional<String> problem = artifacts.problem();
            return new Check(problem.isEmpty(), problem.orElse(artifacts.describe() + " answers"));
        } catch (RuntimeException e) {
            return new Check(false, artifacts.describe() + ": " + e.getMessage());
        }
    }

    private boolean ffmpeg() {
        Instant now = clock.instant();
        if (now.isAfter(ffmpegCheckedAt.plus(FFMPEG_RECHECK)) || !ffmpegAnswers) {
            ffmpegAnswers = backend.ffmpegAvailable();
            ffmpegCheckedAt = now;
        }
        return ffmpegAnswers;
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
