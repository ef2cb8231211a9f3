package org.reelforge.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.BiFunction;
import org.reelforge.store.ArtifactStore;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;

/**
 * The files of a video, with HTTP Range so a browser can seek in {@code final.mp4}. GET and HEAD; the token may come
 * as {@code ?access_token=} because {@code <video src>} cannot send headers. {@code ?download=1} adds
 * {@code Content-Disposition: attachment}.
 */
final class FileRoutes {
    private final ArtifactStore artifacts;
    private final Auth auth;
    private final VideoAccess access;

    FileRoutes(ArtifactStore artifacts, Auth auth, VideoAccess access) {
        this.artifacts = artifacts;
        this.auth = auth;
        this.access = access;
    }

    void register(RoutesConfig routes) {
        file(routes, "final.mp4", "video/mp4", ArtifactStore::finalVideo);
        file(routes, "thumbnail.jpg", "image/jpeg", ArtifactStore::thumbnail);
        file(routes, "captions.ass", "text/x-ssa; charset=utf-8", ArtifactStore::captionsAss);
        file(routes, "captions.srt", "application/x-subrip; charset=utf-8", ArtifactStore::captionsSrt);
        file(routes, "script.json", "application/json; charset=utf-8", ArtifactStore::scriptJson);
    }

    private void file(RoutesConfig routes, String name, String type, BiFunction<ArtifactStore, VideoId, Path> where) {
        String path = "/api/videos/{id}/" + name;
        routes.get(path, ctx -> serve(ctx, name, type, where, true));
        routes.head(path, ctx -> serve(ctx, name, type, where, false));
    }

    private void serve(Context ctx, String name, String type, BiFunction<ArtifactStore, VideoId, Path> where, boolean body)
            throws IOException {
        Video v = access.video(ctx, auth.caller(ctx, true));
        Path file = where.apply(artifacts, v.id());
        if (!artifacts.exists(file)) {
            throw ApiException.notFound(name + " of " + v.id() + " does not exist (yet)");
        }
        long total = Files.size(file);
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
            copy(file, start, length, ctx.res().getOutputStream());
        }
    }

    private static void copy(Path file, long start, long length, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            WritableByteChannel target = Channels.newChannel(out);
            long sent = 0;
            while (sent < length) {
                long n = channel.transferTo(start + sent, length - sent, target);
                if (n <= 0) {
                    break;
                }
                sent += n;
            }
        }
        out.flush();
    }
}
