package org.reelforge.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.reelforge.media.MediaException;
import org.reelforge.media.MusicLibrary;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.video.Aspect;
import org.reelforge.video.CaptionLook;
import org.reelforge.video.CaptionOptions;
import org.reelforge.video.CaptionPosition;
import org.reelforge.video.Language;
import org.reelforge.video.Text;
import org.reelforge.video.Video;
import org.reelforge.wire.CaptionWordsDocument;

/**
 * What a creator chooses beyond the script: the voices of the speech provider (with a sample where it is free), a
 * preview of a caption look, the music library, a block's own video or picture, and captions corrected after the
 * fact. Uploads are read as raw bodies of a known type and bounded size into this node's cache, checked, then handed
 * on; their names are only shown, never used as paths. Every video route sees only the caller's videos (admins: all).
 */
final class CreatorRoutes {
    /** 200 MiB: a phone clip of a minute or two. */
    static final long MAX_MEDIA_BYTES = 200L * 1_048_576;
    /** 50 MiB: a music track. */
    static final long MAX_MUSIC_BYTES = 50L * 1_048_576;
    private static final Set<String> MEDIA_TYPES = Set.of("video/mp4", "video/quicktime", "video/webm", "image/jpeg",
            "image/png", "image/webp");
    private static final Map<String, String> MUSIC_TYPES = Map.of("audio/mpeg", "mp3", "audio/mp3", "mp3",
            "audio/mp4", "m4a", "audio/aac", "aac", "audio/wav", "wav", "audio/x-wav", "wav", "audio/flac", "flac",
            "audio/ogg", "ogg", "audio/opus", "opus");
    private static final int PREVIEW_WIDTH = 360;
    private static final int MAX_PREVIEW_TEXT = 120;
    private final WebBackend backend;
    private final Auth auth;
    private final VideoAccess access;
    private final VideoDocuments documents;
    private final ProgressHub hub;
    private final Path uploads;

    CreatorRoutes(WebBackend backend, Auth auth, VideoAccess access, VideoDocuments documents, ProgressHub hub) {
        this.backend = backend;
        this.auth = auth;
        this.access = access;
        this.documents = documents;
        this.hub = hub;
        this.uploads = backend.cacheDir().resolve("uploads");
    }

    /** A voice of the configured speech provider. */
    record VoiceList(String provider, String defaultVoice, List<SpeechSynthesizer.Voice> items) {
    }

    /** A library track as the page shows it. */
    record TrackView(String id, String title, List<String> moods, double durationSeconds) {
        static TrackView of(MusicLibrary.Track t) {
            return new TrackView(t.id(), t.title(), t.moods().stream().sorted().toList(), t.durationMillis() / 1000.0);
        }
    }

    record Items<T>(List<T> items) {
    }

    void register(RoutesConfig routes) {
        routes.get("/api/voices", ctx -> {
            auth.caller(ctx, false);
            Language language = language(ctx.queryParam("language"));
            List<SpeechSynthesizer.Voice> voices = backend.voices(language);
            ctx.json(new VoiceList(backend.speechProvider(), voices.isEmpty() ? null : voices.get(0).id(), voices));
        });
        routes.get("/api/voices/sample", this::voiceSample);
        routes.get("/api/captions/preview", this::captionPreview);
        routes.get("/api/music", ctx -> {
            auth.caller(ctx, false);
            ctx.json(new Items<>(backend.music().list().stream().map(TrackView::of).toList()));
        });
        routes.post("/api/music", this::addMusic);
        routes.delete("/api/music/{id}", ctx -> {
            auth.admin(ctx);
            String id = ctx.pathParam("id");
            if (!id.matches("trk_[0-9a-f]{16}") || !backend.music().remove(id)) {
                throw ApiException.notFound("no music track " + Text.preview(id));
            }
            ctx.status(204);
        });
        routes.put("/api/videos/{id}/blocks/{n}/media", this::attachMedia);
        routes.delete("/api/videos/{id}/blocks/{n}/media", ctx -> {
            Video v = access.video(ctx, auth.caller(ctx, false));
            backend.control().detachMedia(v.id(), block(v, ctx));
            hub.poke();
            ctx.json(documents.detail(v.id(), PageLanguage.of(ctx, v.request().language())));
        });
        routes.get("/api/videos/{id}/captions", ctx -> {
            Video v = access.video(ctx, auth.caller(ctx, false));
            CaptionWordsDocument words = backend.control().captionWords(v.id());
            ctx.json(Map.of("words", words.words(), "edited", Boolean.TRUE.equals(words.edited())));
        });
        routes.put("/api/videos/{id}/captions", ctx -> {
            Video v = access.video(ctx, auth.caller(ctx, false));
            CaptionsEdit edit = JsonBody.read(ctx, CaptionsEdit.class);
            backend.control().editCaptions(v.id(), new CaptionWordsDocument(null, edit.words(), null));
            hub.poke();
            ctx.status(202).json(documents.detail(v.id(), PageLanguage.of(ctx, v.request().language())));
        });
    }

    /** The body of {@code PUT …/captions}. */
    record CaptionsEdit(List<CaptionWordsDocument.Word> words) {
    }

    private void voiceSample(Context ctx) throws IOException {
        auth.caller(ctx, false);
        Language language = language(ctx.queryParam("language"));
        String voice = ctx.queryParam("voice");
        if (voice != null && !voice.matches("[A-Za-z0-9][A-Za-z0-9/_+.-]{0,63}")) {
            throw ApiException.invalid("voice", "must be a voice id from GET /api/voices");
        }
        Path dir = Files.createDirectories(uploads);
        Path wav = dir.resolve("sample-" + UUID.randomUUID() + ".wav");
        try {
            backend.voiceSample(voice, language, wav);
            ctx.contentType("audio/wav").header("Cache-Control", "private, max-age=3600").result(Files.readAllBytes(wav));
        } catch (ProviderException e) {
            throw ApiException.invalid("voice", e.getMessage());
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private void captionPreview(Context ctx) {
        auth.caller(ctx, false);
        CaptionOptions d = CaptionOptions.defaults();
        String style = ctx.queryParam("caption_style");
        String position = ctx.queryParam("caption_position");
        String size = ctx.queryParam("caption_size");
        String aspect = ctx.queryParam("aspect");
        CaptionOptions options = new CaptionOptions(
                blank(style) ? d.style() : CaptionLook.parse("caption_style", style),
                blank(position) ? d.position() : CaptionPosition.parse("caption_position", position),
                ctx.queryParam("caption_font"), or(ctx.queryParam("caption_color"), d.color()),
                or(ctx.queryParam("caption_highlight"), d.highlight()), blank(size) ? d.sizePercent() : integer("caption_size", size));
        Language language = language(ctx.queryParam("language"));
        String text = or(ctx.queryParam("text"), language.isFrench() ? "Voici à quoi ressemblent vos sous-titres"
                : "This is how your captions look");
        if (text.codePointCount(0, text.length()) > MAX_PREVIEW_TEXT || text.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid("text", "must be at most " + MAX_PREVIEW_TEXT + " characters, without control characters");
        }
        String etag = "\"" + digest(options + "|" + aspect + "|" + language.tag() + "|" + text) + "\"";
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        byte[] png = backend.captionPreview(options, blank(aspect) ? Aspect.PORTRAIT : Aspect.parse("aspect", aspect),
                language, text, PREVIEW_WIDTH);
        ctx.contentType("image/png").header("ETag", etag).header("Cache-Control", "private, max-age=86400").result(png);
    }

    private void addMusic(Context ctx) throws IOException {
        auth.caller(ctx, false);
        String type = contentType(ctx);
        String extension = MUSIC_TYPES.get(type);
        if (extension == null) {
            throw ApiException.of(415, "unsupported-media-type", "Unsupported media type", "music must be sent as one of "
                    + String.join(", ", MUSIC_TYPES.keySet().stream().sorted().toList()) + " (got " + Text.preview(type) + ")");
        }
        String title = ctx.queryParam("title");
        if (title == null || title.isBlank() || title.codePointCount(0, title.length()) > 80
                || title.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid("title", "is required: 1–80 characters without control characters");
        }
        Set<String> moods = new LinkedHashSet<>();
        for (String m : or(ctx.queryParam("moods"), "").split(",")) {
            String mood = m.strip().toLowerCase(Locale.ROOT);
            if (mood.isEmpty()) {
                continue;
            }
            if (!mood.matches("[a-z0-9][a-z0-9-]{0,31}")) {
                throw ApiException.invalid("moods", "each mood is lower-case letters, digits or '-', at most 32 (got \""
                        + Text.preview(mood) + "\")");
            }
            moods.add(mood);
        }
        Path file = receive(ctx, MAX_MUSIC_BYTES, "track." + extension);
        try {
            MusicLibrary.Track track = backend.music().add(file, title.strip(), moods);
            ctx.status(201).json(TrackView.of(track));
        } catch (IllegalArgumentException | MediaException e) {
            throw ApiException.invalid("body", "is not a sound ffmpeg can read (" + firstLine(e.getMessage()) + ")");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        }
    }

    private void attachMedia(Context ctx) throws IOException {
        Video v = access.video(ctx, auth.caller(ctx, false));
        int n = block(v, ctx);
        String type = contentType(ctx);
        if (!MEDIA_TYPES.contains(type)) {
            throw ApiException.of(415, "unsupported-media-type", "Unsupported media type", "a block's own media is one of "
                    + String.join(", ", MEDIA_TYPES.stream().sorted().toList()) + " (got " + Text.preview(type) + ")");
        }
        String name = or(ctx.queryParam("name"), "block " + n);
        boolean keepSound = !"false".equalsIgnoreCase(ctx.queryParam("keep_sound"));
        Path file = receive(ctx, MAX_MEDIA_BYTES, "media." + type.substring(type.indexOf('/') + 1));
        try {
            backend.control().attachMedia(v.id(), n, file, name, keepSound);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        }
        hub.poke();
        ctx.json(documents.detail(v.id(), PageLanguage.of(ctx, v.request().language())));
    }

    /** The block number of the path, checked against the video's script. */
    private int block(Video v, Context ctx) {
        int n = VideoAccess.block(ctx);
        int blocks = backend.control().script(v.id()).blocks().size();
        if (n > blocks) {
            throw ApiException.notFound("video " + v.id() + " has no block " + n + " (it has " + blocks + ")");
        }
        return n;
    }

    /**
     * The raw body into a fresh folder of this node's cache, at most {@code max} bytes (413 beyond, declared or not).
     * The caller deletes the file and its folder.
     */
    private Path receive(Context ctx, long max, String fileName) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw tooLarge(max);
        }
        Path dir = Files.createDirectories(uploads.resolve(UUID.randomUUID().toString()));
        Path file = dir.resolve(fileName);
        long total = 0;
        try (InputStream in = ctx.req().getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[65_536];
            for (int read; (read = in.read(buffer)) > 0; ) {
                total += read;
                if (total > max) {
                    throw tooLarge(max);
                }
                out.write(buffer, 0, read);
            }
        } catch (ApiException | IOException | UncheckedIOException e) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
            throw e;
        }
        if (total == 0) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
            throw ApiException.invalid("body", "the file is empty");
        }
        return file;
    }

    private static ApiException tooLarge(long max) {
        return ApiException.of(413, "too-large", "Request body too large", "the file is larger than the limit of "
                + max / 1_048_576 + " MiB");
    }

    private static String contentType(Context ctx) {
        String type = ctx.header("Content-Type");
        return type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static Language language(String raw) {
        return blank(raw) ? Language.FR : Language.of(raw);
    }

    private static int integer(String field, String raw) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, "must be a whole number");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String or(String s, String fallback) {
        return blank(s) ? fallback : s;
    }

    private static String firstLine(String message) {
        int eol = message == null ? -1 : message.indexOf('\n');
        return eol < 0 ? String.valueOf(message) : message.substring(0, eol);
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(d, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
