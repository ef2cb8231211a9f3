package org.reelforge.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;

/**
 * The files of a video, read through the {@link ArtifactStore} (the data directory or S3 alike), with HTTP Range so a
 * browser can seek in {@code final.mp4}. GET and HEAD; the token may come as {@code ?access_token=} because
 * {@code <video src>} cannot send headers. {@code ?download=1} adds {@code Content-Disposition: attachment}. With a
 * presign lifetime set and a store that can presign (S3), a GET answers 302 to a short-lived URL of the object instead
 * of streaming it through this node (the caller is checked first, the same way).
 */
final class FileRoutes {
    private final ArtifactStore artifacts;
    private final Auth auth;
    private final VideoAccess access;
    private final Duration presignTtl;

    /** @param presignTtl null to always stream through this node */
    FileRoutes(ArtifactStore artifacts, Auth auth, VideoAccess access, Duration presignTtl) {
        this.artifacts = artifacts;
        this.auth = auth;
        this.access = access;
        this.presignTtl = presignTtl;
    }

    void register(RoutesConfig routes) {
        file(routes, "final.mp4", "video/mp4", ArtifactKey::finalVideo);
        file(routes, "thumbnail.jpg", "image/jpeg", ArtifactKey::thumbnail);
        file(routes, "captions.ass", "text/x-ssa; charset=utf-8", ArtifactKey::captionsAss);
        file(routes, "captions.srt", "application/x-subrip; charset=utf-8", ArtifactKey::captionsSrt);
        file(routes, "script.json", "application/json; charset=utf-8", ArtifactKey::scriptJson);
    }

    private void file(RoutesConfig routes, String name, String type, Function<VideoId, ArtifactKey> where) {
        String path = "/api/videos/{id}/" + name;
        routes.get(path, ctx -> serve(ctx, name, type, where, true));
        routes.head(path, ctx -> serve(ctx, name, type, where, false));
    }

    private void serve(Context ctx, String name, String type, Function<VideoId, ArtifactKey> where, boolean body)
            throws IOException {
        Video v = access.video(ctx, auth.caller(ctx, true));
        ArtifactKey key = where.apply(v.id());
        long total = artifacts.info(key).filter(i -> i.size() > 0).map(ArtifactStore.Info::size)
                .orElseThrow(() -> missing(name, v.id()));
        if (body && presignTtl != null) {
            Optional<URI> url = artifacts.presign(key, presignTtl);
            if (url.isPresent()) {
                ctx.header("Cache-Control", "private, no-store").redirect(url.get().toString(), io.javalin.http.HttpStatus.FOUND);
                return;
            }
        }
        ctx.header("Accept-Ranges", "bytes").header("Cache-Control", "private, no-cache").contentType(type);
        if ("1".equals(ctx.queryParam("download"))) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + v.id().value() + "-" + name + "\"");
        }
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(ctx.header("Range"), total);
        } catch (ByteRange.Unsatisfiable e) {
            ctx.header("Content-Range", e.contentRange());
            ProblemResponses.write(ctx, ApiException.of(416, "range-not-satisfiable", "Range not satisfiable", e.getMessage()));
            return;
        }
        long start = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(total);
        range.ifPresent(r -> ctx.status(206).header("Content-Range", r.contentRange()));
        ctx.header("Content-Length", Long.toString(length));
        if (body) {
            try (ArtifactStore.Content content = artifacts.open(key, start, length).orElseThrow(() -> missing(name, v.id()))) {
                copy(content.stream(), ctx.res().getOutputStream());
            }
        }
    }

    private static ApiException missing(String name, VideoId id) {
        return ApiException.notFound(name + " of " + id + " does not exist (yet)");
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
        out.flush();
    }
}
