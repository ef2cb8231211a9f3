package org.reelforge.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.pipeline.VideoQueries;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;

/**
 * The files of a video, read through the {@link ArtifactStore} (the data directory or S3 alike), with HTTP Range so a
 * browser can seek in {@code final.mp4}, an {@code ETag} and {@code If-None-Match}. GET and HEAD. A request is let in
 * by a signed link ({@code ?exp=&sig=}, see {@link FileLinks}: what {@code <video>}, {@code <img>} and download links
 * use) or by an {@code Authorization: Bearer} header; access tokens are not taken from URLs. {@code ?download=1} adds a
 * {@code Content-Disposition: attachment} named after the theme. Besides the stored files:
 * {@code thumbnail-small.jpg} (360 px wide) and {@code blocks/{n}/frame.jpg} (a frame of the block's clip), made on
 * this node by {@link Stills}. With a presign lifetime set and a store that can presign (S3), a GET of a stored file
 * answers 302 to a short-lived URL of the object instead of streaming it through this node (the caller is checked
 * first, the same way).
 */
final class FileRoutes {
    private final VideoQueries queries;
    private final ArtifactStore artifacts;
    private final Auth auth;
    private final VideoAccess access;
    private final FileLinks links;
    private final Stills stills;
    private final Duration presignTtl;
    private final Clock clock;

    /** @param presignTtl null to always stream through this node */
    FileRoutes(VideoQueries queries, ArtifactStore artifacts, Auth auth, VideoAccess access, FileLinks links, Stills stills,
               Duration presignTtl, Clock clock) {
        this.queries = queries;
        this.artifacts = artifacts;
        this.auth = auth;
        this.access = access;
        this.links = links;
        this.stills = stills;
        this.presignTtl = presignTtl;
        this.clock = clock;
    }

    /** Where a served file's bytes are: an object of the store, or a still made on this node. */
    private sealed interface Source {
        record Stored(ArtifactKey key) implements Source {
        }

        record Local(Path file) implements Source {
        }
    }

    /** One servable file: its name in URLs, its type, where it is (empty while it does not exist). */
    private record Served(String name, String type, BiFunction<VideoId, Context, Optional<Source>> where) {
    }

    void register(RoutesConfig routes) {
        stored(routes, "final.mp4", "video/mp4", ArtifactKey::finalVideo);
        stored(routes, "thumbnail.jpg", "image/jpeg", ArtifactKey::thumbnail);
        stored(routes, "captions.ass", "text/x-ssa; charset=utf-8", ArtifactKey::captionsAss);
        stored(routes, "captions.srt", "application/x-subrip; charset=utf-8", ArtifactKey::captionsSrt);
        stored(routes, "script.json", "application/json; charset=utf-8", ArtifactKey::scriptJson);
        route(routes, "/api/videos/{id}/thumbnail-small.jpg", new Served("thumbnail-small.jpg", "image/jpeg",
                (id, ctx) -> stills.thumbnail(id).map(Source.Local::new)));
        route(routes, "/api/videos/{id}/blocks/{n}/frame.jpg", new Served(null, "image/jpeg",
                (id, ctx) -> stills.frame(id, VideoAccess.block(ctx)).map(Source.Local::new)));
    }

    /** The name a signed link signs for the frame of a block. */
    static String frameName(int block) {
        return "blocks/" + block + "/frame.jpg";
    }

    private void stored(RoutesConfig routes, String name, String type, Function<VideoId, ArtifactKey> key) {
        route(routes, "/api/videos/{id}/" + name, new Served(name, type, (id, ctx) -> Optional.of(new Source.Stored(key.apply(id)))));
    }

    private void route(RoutesConfig routes, String path, Served served) {
        routes.get(path, ctx -> serve(ctx, served, true));
        routes.head(path, ctx -> serve(ctx, served, false));
    }

    /** What is served: size and version (the ETag), and how to read it. */
    private record Found(long size, String version, Source source) {
    }

    private void serve(Context ctx, Served served, boolean body) throws IOException {
        String name = served.name() != null ? served.name() : frameName(VideoAccess.block(ctx));
        boolean signed = ctx.queryParam("sig") != null;
        Video v = signed ? signedVideo(ctx, name) : access.video(ctx, auth.caller(ctx, false));
        Found found = served.where().apply(v.id(), ctx).flatMap(this::find)
                .orElseThrow(() -> ApiException.notFound(name + " of " + v.id() + " does not exist (yet)"));
        String etag = "\"" + found.version() + "\"";
        if (body && presignTtl != null && found.source() instanceof Source.Stored s) {
            Optional<URI> url = artifacts.presign(s.key(), presignTtl);
            if (url.isPresent()) {
                ctx.header("Cache-Control", "private, no-store").redirect(url.get().toString(), HttpStatus.FOUND);
                return;
            }
        }
        ctx.header("Accept-Ranges", "bytes").header("ETag", etag).header("Cache-Control", cacheControl(ctx, signed))
                .contentType(served.type());
        if ("1".equals(ctx.queryParam("download"))) {
            ctx.header("Content-Disposition", DownloadName.attachment(v.request().theme(), extension(name)));
        }
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        send(ctx, found, body, name, v.id());
    }

    private Optional<Found> find(Source source) {
        if (source instanceof Source.Stored s) {
            return artifacts.info(s.key()).filter(i -> i.size() > 0).map(i -> new Found(i.size(), i.version(), source));
        }
        Path file = ((Source.Local) source).file();
        try {
            long size = Files.size(file);
            return Optional.of(new Found(size, Long.toHexString(size) + "-"
                    + Long.toHexString(Files.getLastModifiedTime(file).toMillis()), source));
        } catch (IOException e) {
            return Optional.empty();
        }
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

    private void send(Context ctx, Found found, boolean body, String name, VideoId id) throws IOException {
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(ctx.header("Range"), found.size());
        } catch (ByteRange.Unsatisfiable e) {
            ctx.header("Content-Range", e.contentRange());
            ProblemResponses.write(ctx, ApiException.of(416, "range-not-satisfiable", "Range not satisfiable", e.getMessage()));
            return;
        }
        long start = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(found.size());
        range.ifPresent(r -> ctx.status(206).header("Content-Range", r.contentRange()));
        ctx.header("Content-Length", Long.toString(length));
        if (!body) {
            return;
        }
        if (found.source() instanceof Source.Stored s) {
            try (ArtifactStore.Content content = artifacts.open(s.key(), start, length)
                    .orElseThrow(() -> ApiException.notFound(name + " of " + id + " does not exist (yet)"))) {
                copy(content.stream(), ctx.res().getOutputStream());
            }
        } else {
            try (InputStream in = Files.newInputStream(((Source.Local) found.source()).file())) {
                in.skipNBytes(start);
                OutputStream out = ctx.res().getOutputStream();
                byte[] buffer = new byte[64 * 1024];
                for (long left = length; left > 0; ) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
                out.flush();
            }
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
        out.flush();
    }
}
