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
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import org.reelforge.store.ArtifactStore;
import org.reelforge.pipeline.VideoQueries;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;

/**
 * The files of a video, with HTTP Range so a browser can seek in {@code final.mp4}, an {@code ETag} and
 * {@code If-None-Match}. GET and HEAD. A request is let in by a signed link ({@code ?exp=&sig=}, see
 * {@link FileLinks}: what {@code <video>}, {@code <img>} and download links use) or by an
 * {@code Authorization: Bearer} header; access tokens are not taken from URLs. {@code ?download=1} adds a
 * {@code Content-Disposition: attachment} named after the theme. Besides the stored files:
 * {@code thumbnail-small.jpg} (360 px wide) and {@code blocks/{n}/frame.jpg} (a frame of the block's clip).
 */
final class FileRoutes {
    private final VideoQueries queries;
    private final ArtifactStore artifacts;
    private final Auth auth;
    private final VideoAccess access;
    private final FileLinks links;
    private final Stills stills;
    private final Clock clock;

    FileRoutes(VideoQueries queries, ArtifactStore artifacts, Auth auth, VideoAccess access, FileLinks links, Stills stills,
               Clock clock) {
        this.queries = queries;
        this.artifacts = artifacts;
        this.auth = auth;
        this.access = access;
        this.links = links;
        this.stills = stills;
        this.clock = clock;
    }

    /** One servable file: its name in URLs, its type, where it is (empty while it does not exist). */
    private record Served(String name, String type, BiFunction<VideoId, Context, Optional<Path>> where) {
    }

    void register(RoutesConfig routes) {
        stored(routes, "final.mp4", "video/mp4", ArtifactStore::finalVideo);
        stored(routes, "thumbnail.jpg", "image/jpeg", ArtifactStore::thumbnail);
        stored(routes, "captions.ass", "text/x-ssa; charset=utf-8", ArtifactStore::captionsAss);
        stored(routes, "captions.srt", "application/x-subrip; charset=utf-8", ArtifactStore::captionsSrt);
        stored(routes, "script.json", "application/json; charset=utf-8", ArtifactStore::scriptJson);
        route(routes, "/api/videos/{id}/thumbnail-small.jpg",
                new Served("thumbnail-small.jpg", "image/jpeg", (id, ctx) -> stills.thumbnail(id)));
        route(routes, "/api/videos/{id}/blocks/{n}/frame.jpg", new Served(null, "image/jpeg",
                (id, ctx) -> stills.frame(id, VideoAccess.block(ctx))));
    }

    /** The name a signed link signs for the file a request asks for. */
    static String frameName(int block) {
        return "blocks/" + block + "/frame.jpg";
    }

    private void stored(RoutesConfig routes, String name, String type, BiFunction<ArtifactStore, VideoId, Path> where) {
        route(routes, "/api/videos/{id}/" + name, new Served(name, type, (id, ctx) -> {
            Path file = where.apply(artifacts, id);
            return artifacts.exists(file) ? Optional.of(file) : Optional.empty();
        }));
    }

    private void route(RoutesConfig routes, String path, Served served) {
        routes.get(path, ctx -> serve(ctx, served, true));
        routes.head(path, ctx -> serve(ctx, served, false));
    }

    private void serve(Context ctx, Served served, boolean body) throws IOException {
        String name = served.name() != null ? served.name() : frameName(VideoAccess.block(ctx));
        boolean signed = ctx.queryParam("sig") != null;
        Video v = signed ? signedVideo(ctx, name) : access.video(ctx, auth.caller(ctx, false));
        Path file = served.where().apply(v.id(), ctx)
                .orElseThrow(() -> ApiException.notFound(name + " of " + v.id() + " does not exist (yet)"));
        long total = Files.size(file);
        String etag = "\"" + Long.toHexString(total) + "-" + Long.toHexString(Files.getLastModifiedTime(file).toMillis()) + "\"";
        ctx.header("Accept-Ranges", "bytes").header("ETag", etag).header("Cache-Control", cacheControl(ctx, signed))
                .contentType(served.type());
        if ("1".equals(ctx.queryParam("download"))) {
            ctx.header("Content-Disposition", DownloadName.attachment(v.request().theme(), extension(name)));
        }
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        send(ctx, file, total, body);
    }

    private Video signedVideo(Context ctx, String name) {
        VideoId id;
        try {
            id = new VideoId(ctx.pathParam("id"));
        } catch (InvalidRequestException e) {
            throw ApiException.notFound("no such video");
        }
        if (!links.verify(id, name, ctx.queryParam("exp"), ctx.queryParam("sig"))) {
            throw ApiException.of(403, "link-expired", "Link expired or not valid",
                    "this file link is expired or was not signed by this server; reload the page for a fresh one");
        }
        // Checked after the signature, so that a link cannot probe which ids exist.
        return queries.video(id).orElseThrow(() -> ApiException.notFound("no such video"));
    }

    /** A signed URL names one expiry: the browser may keep the answer until then (the ETag revalidates a change). */
    private String cacheControl(Context ctx, boolean signed) {
        if (!signed) {
            return "private, no-cache";
        }
        long left = Long.parseLong(ctx.queryParam("exp")) - clock.instant().getEpochSecond();
        return "private, max-age=" + Math.max(0, Math.min(left, Duration.ofHours(1).toSeconds()));
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static void send(Context ctx, Path file, long total, boolean body) throws IOException {
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
