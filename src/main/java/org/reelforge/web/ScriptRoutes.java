package org.reelforge.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.video.Block;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.Script;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoStatus;
import org.reelforge.wire.ScriptDocument;

/**
 * Review before spend: read and replace the script of a video awaiting approval, have the writer redo a block,
 * approve; change one block of any video that is not running; finalize a draft. Every route sees only the caller's
 * videos (admins: all); a broken rule is a 400 naming the field, an action that does not fit the state a 409.
 */
final class ScriptRoutes {
    private final WebBackend backend;
    private final Auth auth;
    private final VideoAccess access;
    private final VideoDocuments documents;
    private final ProgressHub hub;

    ScriptRoutes(WebBackend backend, Auth auth, VideoAccess access, VideoDocuments documents, ProgressHub hub) {
        this.backend = backend;
        this.auth = auth;
        this.access = access;
        this.documents = documents;
        this.hub = hub;
    }

    /**
     * The script as the review screen edits it, with what rendering it would cost.
     *
     * @param editable whether the whole script may be replaced now (the video awaits approval)
     */
    record ScriptView(String title, String styleGuide, List<ScriptDocument.BlockDocument> blocks, BigDecimal estimateUsd,
                      boolean editable, ClipLengthsView allowedDurations) {
    }

    /** The lengths a block may have with the configured clip model ({@code only} empty: every second of the range). */
    record ClipLengthsView(int min, int max, List<Integer> only) {
        static ClipLengthsView of(ClipCapabilities caps) {
            return new ClipLengthsView(caps.lengths().min(), caps.lengths().max(), caps.lengths().only());
        }
    }

    /** A change to one block; absent fields stay as they are. */
    record BlockPatch(String visualPrompt, String spokenText, String onScreenText, List<String> emphasis) {
    }

    void register(RoutesConfig routes) {
        routes.get("/api/videos/{id}/script", ctx -> ctx.json(view(video(ctx).id())));
        routes.put("/api/videos/{id}/script", ctx -> {
            Video v = video(ctx);
            Script script = script(JsonBody.read(ctx, ScriptDocument.class));
            backend.control().replaceScript(v.id(), script);
            hub.poke();
            ctx.json(view(v.id()));
        });
        routes.post("/api/videos/{id}/blocks/{n}/rewrite", ctx -> {
            Video v = video(ctx);
            backend.control().rewriteBlock(v.id(), block(v, VideoAccess.block(ctx)).index());
            hub.poke();
            ctx.json(view(v.id()));
        });
        routes.patch("/api/videos/{id}/blocks/{n}", ctx -> {
            Video v = video(ctx);
            Block current = block(v, VideoAccess.block(ctx));
            BlockPatch patch = JsonBody.read(ctx, BlockPatch.class);
            backend.control().editBlock(v.id(), edited(current, patch));
            hub.poke();
            ctx.json(documents.detail(v.id(), PageLanguage.of(ctx, v.request().language())));
        });
        act(routes, "/api/videos/{id}/approve", id -> backend.control().approve(id));
        act(routes, "/api/videos/{id}/finalize", id -> backend.control().finalizeDraft(id));
    }

    private interface Action {
        void apply(VideoId id);
    }

    private void act(RoutesConfig routes, String path, Action action) {
        routes.post(path, ctx -> {
            Video v = video(ctx);
            action.apply(v.id());
            hub.poke();
            ctx.status(202).json(documents.detail(v.id(), PageLanguage.of(ctx, v.request().language())));
        });
    }

    private Video video(Context ctx) {
        return access.video(ctx, auth.caller(ctx, false));
    }

    private ScriptView view(VideoId id) {
        Video v = backend.queries().video(id).orElseThrow();
        Script script = backend.control().script(id);
        VideoRequest priced = v.request().withScript(null).withDuration(clampDuration(script)).withScript(script);
        ClipCapabilities caps = backend.clipCapabilities();
        return new ScriptView(script.title(), script.styleGuide(), ScriptDocument.of(script).blocks(),
                backend.estimate(priced), v.status() == VideoStatus.AWAITING_APPROVAL, ClipLengthsView.of(caps));
    }

    /** The request's target as the script's total (clamped to what a request allows), so the estimate prices the script. */
    private static int clampDuration(Script script) {
        return Math.max(VideoRequest.MIN_DURATION, Math.min(VideoRequest.MAX_DURATION, script.totalDurationSeconds()));
    }

    private static Script script(ScriptDocument document) {
        try {
            return document.toScript();
        } catch (InvalidRequestException e) {
            throw ApiException.invalid(e.field().startsWith("script.") ? e.field().substring(7) : e.field(), e.rule());
        }
    }

    private Block block(Video v, int n) {
        Script script = backend.control().script(v.id());
        if (n > script.blocks().size()) {
            throw ApiException.notFound("video " + v.id() + " has no block " + n + " (it has " + script.blocks().size() + ")");
        }
        return script.block(n);
    }

    private static Block edited(Block b, BlockPatch p) {
        try {
            return new Block(b.index(), b.durationSeconds(), p.visualPrompt() != null ? p.visualPrompt() : b.visualPrompt(),
                    p.spokenText() != null ? p.spokenText() : b.spokenText(),
                    p.onScreenText() != null ? p.onScreenText() : b.onScreenText(),
                    p.emphasis() != null ? p.emphasis() : b.emphasis(), b.media());
        } catch (InvalidRequestException e) {
            throw ApiException.invalid(e.field().replaceFirst("^blocks\\[\\d+]\\.", ""), e.rule());
        }
    }
}
