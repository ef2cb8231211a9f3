package org.reelforge.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.BiFunction;
import org.reelforge.account.User;
import org.reelforge.wire.RequestDocument;
import org.reelforge.pipeline.VideoQueries;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.Language;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoStatus;

/** Create, list, read, act on and delete videos; every route sees only the caller's videos (admins: all). */
final class VideoRoutes {
    private static final int MAX_PAGE_SIZE = 100;
    private final WebBackend backend;
    private final Auth auth;
    private final VideoAccess access;
    private final VideoDocuments documents;
    private final CreationLimiter limiter;
    private final ProgressHub hub;

    VideoRoutes(WebBackend backend, Auth auth, VideoAccess access, VideoDocuments documents, CreationLimiter limiter,
                ProgressHub hub) {
        this.hub = hub;
        this.backend = backend;
        this.auth = auth;
        this.access = access;
        this.documents = documents;
        this.limiter = limiter;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/videos", this::create);
        routes.post("/api/estimates", ctx -> {
            auth.caller(ctx, false);
            VideoRequest request = request(JsonBody.read(ctx, RequestDocument.class));
            var caps = backend.clipCapabilities();
            BigDecimal estimate = backend.estimate(request.withDraft(false));
            ctx.json(Map.of("estimate_usd", estimate, "draft_estimate_usd", backend.estimate(request.withDraft(true)),
                    "unpriced", backend.unpricedCalls(request), "paid_clips", backend.clipsArePaid(),
                    "clip_model", caps.model(), "clip_lengths", ScriptRoutes.ClipLengthsView.of(caps),
                    "models", backend.models()));
        });
        routes.get("/api/videos", this::list);
        routes.get("/api/videos/{id}", ctx -> {
            Video v = access.video(ctx, auth.caller(ctx, false));
            ctx.json(documents.detail(v.id(), PageLanguage.of(ctx, v.request().language())));
        });
        routes.delete("/api/videos/{id}", ctx -> {
            backend.control().delete(access.video(ctx, auth.caller(ctx, false)).id());
            hub.poke();
            ctx.status(204);
        });
        action(routes, "/api/videos/{id}/retry", (ctx, id) -> backend.control().retry(id));
        action(routes, "/api/videos/{id}/cancel", (ctx, id) -> backend.control().cancel(id));
        action(routes, "/api/videos/{id}/blocks/{n}/regenerate", (ctx, id) -> regenerate(id, VideoAccess.block(ctx)));
        action(routes, "/api/videos/{id}/clips/{n}/reset", (ctx, id) -> backend.control().resetClip(id, VideoAccess.block(ctx)));
        routes.post("/api/monitor/run", ctx -> {
            auth.admin(ctx);
            ctx.json(backend.monitor().checkAndRetry());
        });
    }

    private void create(Context ctx) {
        User user = auth.caller(ctx, false);
        VideoRequest request = request(JsonBody.read(ctx, RequestDocument.class));
        limiter.acquire(user.username()).ifPresent(wait -> {
            throw ApiException.tooManyRequests(user.username() + " may create at most " + limiter.perMinute()
                    + " videos a minute; try again in " + Math.max(1, wait.toSeconds()) + " s", wait);
        });
        Video v;
        try {
            v = backend.engine().submit(request, user.username());
        } catch (InvalidRequestException e) {
            throw ApiException.invalid(apiField(e.field()), e.rule());
        }
        ctx.status(202).json(Map.of("video_id", v.id().value()));
    }

    private static VideoRequest request(RequestDocument document) {
        try {
            return document.toRequest();
        } catch (InvalidRequestException e) {
            throw ApiException.invalid(apiField(e.field()), e.rule());
        }
    }

    /** The domain names a few fields as the CLI does; the API names them as its JSON does. */
    static String apiField(String field) {
        if (field.equals("budget")) {
            return "budget_usd";
        }
        return field.startsWith("blocks[") ? "script." + field : field;
    }

    private void list(Context ctx) {
        User user = auth.caller(ctx, false);
        VideoStatus status = status(ctx.queryParam("status"));
        int page = number(ctx, "page", 1, Integer.MAX_VALUE / MAX_PAGE_SIZE, 1);
        int size = number(ctx, "size", 1, MAX_PAGE_SIZE, 20);
        Language lang = PageLanguage.of(ctx, null);
        VideoQueries.Page result = backend.queries().page(user.ownerFilter(), status, (page - 1) * size, size);
        ctx.json(new VideoDocuments.Page(result.videos().stream().map(v -> documents.summary(v, lang)).toList(),
                page, size, result.total()));
    }

    private void action(RoutesConfig routes, String path, BiFunction<Context, VideoId, Video> act) {
        routes.post(path, ctx -> {
            Video v = access.video(ctx, auth.caller(ctx, false));
            act.apply(ctx, v.id());
            hub.poke();
            ctx.status(202).json(documents.detail(v.id(), PageLanguage.of(ctx, v.request().language())));
        });
    }

    private Video regenerate(VideoId id, int block) {
        try {
            return backend.control().regenerateBlock(id, block);
        } catch (InvalidRequestException e) {
            throw ApiException.notFound("video " + id + " has no block " + block + " (" + e.rule() + ")");
        }
    }

    private static VideoStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.equals("generating_parallel") || raw.startsWith("generating_block_")) {
            return VideoStatus.GENERATING_CLIPS;
        }
        for (VideoStatus s : VideoStatus.values()) {
            if (s.wireName().equals(raw)) {
                return s;
            }
        }
        throw ApiException.invalid("status", "must be one of queued, script_generated, awaiting_approval, "
                + "generating_parallel, ready_for_assembly, assembling, completed, failed, cancelled");
    }

    private static int number(Context ctx, String name, int min, int max, int fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid(name, "must be a whole number from " + min + " to " + max);
    }
}
