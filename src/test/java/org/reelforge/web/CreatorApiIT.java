package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.account.Role;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.Probe;
import org.reelforge.wire.Json;

/**
 * The creator's choices through the API on a real server with workers and the offline providers: voices with a
 * sample, caption previews drawn by libass, a music library upload, a block made from the person's own video at $0,
 * a square video with pop captions and music, then its captions corrected and burned again for nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreatorApiIT {
    private static final Duration RENDER = Duration.ofMinutes(4);
    @TempDir
    static Path files;
    private static TestServer server;
    private static ApiClient api;
    private static String alice;
    private static String admin;
    private static String track;
    private static String videoId;

    @BeforeAll
    static void start() {
        server = TestServer.start(true, Map.of("REELFORGE_X264_PRESET", "ultrafast"));
        api = server.api;
        alice = server.token("alice", Role.USER);
        admin = server.token("root", Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient.Response put(String path, String token, String type, Path body) throws Exception {
        return api.send(api.request(path, token).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofFile(body)).build());
    }

    private static ApiClient.Response postFile(String path, String token, String type, Path body) throws Exception {
        return api.send(api.request(path, token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofFile(body)).build());
    }

    private static JsonNode awaitStatus(String id, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(RENDER).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = api.get("/api/videos/" + id, alice).json();
            return last[0].path("status").asText().equals(status) || last[0].path("status").asText().equals("failed");
        });
        assertThat(last[0].path("status").asText()).as(last[0].toString()).isEqualTo(status);
        return last[0];
    }

    @Test
    @Order(1)
    void theVoicesOfTheLanguageAreListedAndASampleIsSpoken() {
        JsonNode voices = api.get("/api/voices?language=fr", alice).json();
        assertThat(voices.path("provider").asText()).isEqualTo("espeak-ng");
        assertThat(voices.path("items").size()).isGreaterThanOrEqualTo(2);
        String variant = voices.path("items").get(1).path("id").asText();
        assertThat(variant).contains("+");

        HttpResponse<byte[]> sample = api.bytes(api.request("/api/voices/sample?language=fr&voice="
                + variant.replace("+", "%2B"), alice).GET().build());
        assertThat(sample.statusCode()).isEqualTo(200);
        assertThat(sample.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(new String(sample.body(), 0, 4)).isEqualTo("RIFF");
        assertThat(sample.body().length).as("a second or so of speech").isGreaterThan(16_000);

        assertThat(api.get("/api/voices/sample?language=fr&voice=%3Brm", alice).status()).isEqualTo(400);
        assertThat(api.get("/api/voices?language=fr", null).status()).isEqualTo(401);
    }

    @Test
    @Order(1)
    void aCaptionPreviewIsAPngOfTheFormatDrawnByTheRealRenderer() {
        HttpResponse<byte[]> png = api.bytes(api.request("/api/captions/preview?aspect=1:1&caption_style=boxed"
                + "&caption_color=%2300FFAA&language=ja&text=%E7%81%AB%E5%B1%B1%E3%81%AE%E5%99%B4%E7%81%AB", alice).GET().build());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        byte[] b = png.body();
        int width = ((b[16] & 0xff) << 24) | ((b[17] & 0xff) << 16) | ((b[18] & 0xff) << 8) | (b[19] & 0xff);
        int height = ((b[20] & 0xff) << 24) | ((b[21] & 0xff) << 16) | ((b[22] & 0xff) << 8) | (b[23] & 0xff);
        assertThat(width).isEqualTo(360);
        assertThat(height).as("square").isEqualTo(360);
        String etag = png.headers().firstValue("ETag").orElseThrow();
        assertThat(api.send(api.request("/api/captions/preview?aspect=1:1&caption_style=boxed&caption_color=%2300FFAA"
                + "&language=ja&text=%E7%81%AB%E5%B1%B1%E3%81%AE%E5%99%B4%E7%81%AB", alice).header("If-None-Match", etag)
                .GET().build()).status()).isEqualTo(304);

        ApiClient.Response bad = api.get("/api/captions/preview?caption_color=red", alice);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asText()).isEqualTo("caption_color");
        ApiClient.Response hostile = api.get("/api/captions/preview?caption_font=%7B%5Cb1%7DArial", alice);
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.json().path("field").asText()).isEqualTo("caption_font");
    }

    @Test
    @Order(2)
    void aTrackAddedToTheMusicLibraryIsListedAndOnlyAnAdminRemovesIt() throws Exception {
        Path wav = files.resolve("calm.wav");
        Ffmpeg.onPath().ffmpeg("make a test track", files, List.of("-y", "-f", "lavfi", "-i",
                "sine=frequency=220:duration=20", "-ar", "44100", Ffmpeg.fileArg(wav)));

        ApiClient.Response added = postFile("/api/music?title=Calm%20sea&moods=calm,sea", alice, "audio/wav", wav);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        track = added.json().path("id").asText();
        assertThat(track).matches("trk_[0-9a-f]{16}");
        assertThat(added.json().path("moods").toString()).contains("calm", "sea");
        assertThat(api.get("/api/music", alice).json().path("items").toString()).contains(track, "Calm sea");

        Path text = Files.writeString(files.resolve("not-audio.wav"), "this is not audio");
        ApiClient.Response unreadable = postFile("/api/music?title=Broken", alice, "audio/wav", text);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(postFile("/api/music?title=Doc", alice, "application/pdf", text).status()).isEqualTo(415);
        assertThat(api.delete("/api/music/" + track, alice).status()).as("users do not remove shared tracks").isEqualTo(403);
        ApiClient.Response unknown = api.post("/api/videos", alice, Map.of("theme", "Les volcans", "target_duration", 8,
                "music", "trk_ffffffffffffffff"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("field").asText()).isEqualTo("music");
    }

    @Test
    @Order(3)
    void aSquareVideoWithPopCaptionsMusicAndTheCreatorsOwnClipIsMadeWithBlockOneAtZero() throws Exception {
        ObjectNode request = (ObjectNode) Json.MAPPER.readTree("""
                {"theme":"Tiny ball","target_duration":8,"language":"en","review":true,"aspect":"1:1",
                 "caption_style":"pop","caption_highlight":"#FF3366","music":"mood:calm","music_volume":80,
                 "script":{"title":"Tiny","style_guide":"flat colours","blocks":[
                   {"index":1,"duration":4,"visual_prompt":"My own shot","spoken_text":"This is my own shot."},
                   {"index":2,"duration":4,"visual_prompt":"A red ball bounces on a table","spoken_text":"A red ball bounces."}]}}""");
        ApiClient.Response created = api.post("/api/videos", alice, request.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        videoId = created.json().path("video_id").asText();
        awaitStatus(videoId, "awaiting_approval");

        Path mine = files.resolve("mine.mp4");
        Ffmpeg.onPath().ffmpeg("make a creator's clip", files, List.of("-y", "-f", "lavfi", "-i",
                "testsrc2=size=960x540:rate=24:duration=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-qp", "0", Ffmpeg.fileArg(mine)));
        assertThat(Files.size(mine)).as("larger than the JSON body limit of 1 MiB").isGreaterThan(1_500_000L);
        Path text = Files.writeString(files.resolve("fake.mp4"), "not a video");
        ApiClient.Response refused = put("/api/videos/" + videoId + "/blocks/1/media", alice, "video/mp4", text);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("field").asText()).isEqualTo("media");
        assertThat(put("/api/videos/" + videoId + "/blocks/1/media", alice, "text/html", mine).status()).isEqualTo(415);
        assertThat(put("/api/videos/" + videoId + "/blocks/3/media", alice, "video/mp4", mine).status()).isEqualTo(404);

        ApiClient.Response attached = put("/api/videos/" + videoId + "/blocks/1/media?name=mine.mp4&keep_sound=false",
                alice, "video/mp4", mine);
        assertThat(attached.status()).as(attached.body()).isEqualTo(200);
        JsonNode media = attached.json().path("blocks").get(0).path("media");
        assertThat(media.path("kind").asText()).isEqualTo("video");
        assertThat(media.path("name").asText()).isEqualTo("mine.mp4");
        assertThat(media.path("keep_sound").asBoolean()).isFalse();
        assertThat(attached.json().path("output").path("aspect").asText()).isEqualTo("1:1");
        assertThat(attached.json().path("output").path("caption_style").asText()).isEqualTo("pop");
        assertThat(api.get("/api/videos/" + videoId + "/script", alice).json().path("blocks").get(0).path("media")
                .path("id").asText()).startsWith("med_");

        assertThat(api.post("/api/videos/" + videoId + "/approve", alice, "").status()).isEqualTo(202);
        JsonNode done = awaitStatus(videoId, "completed");

        assertThat(done.path("blocks").get(0).path("clip").path("submissions").asInt()).as("never sent to the model").isZero();
        assertThat(done.path("blocks").get(1).path("clip").path("submissions").asInt()).isEqualTo(1);
        assertThat(done.path("result").path("blocks_used").asInt()).isEqualTo(2);
        Path out = files.resolve("final.mp4");
        HttpResponse<byte[]> video = api.bytes(HttpRequest.newBuilder(java.net.URI.create(api.base
                + done.path("files").path("final").asText())).GET().build());
        Files.write(out, video.body());
        Probe probe = Probe.of(Ffmpeg.onPath(), out);
        assertThat(probe.width()).isEqualTo(1080);
        assertThat(probe.height()).isEqualTo(1080);
        assertThat(probe.durationMillis()).isBetween(7_800L, 8_300L);
    }

    @Test
    @Order(4)
    void correctedCaptionsAreBurnedAgainWithoutPaying() {
        JsonNode words = api.get("/api/videos/" + videoId + "/captions", alice).json();
        assertThat(words.path("edited").asBoolean()).isFalse();
        ArrayNode list = (ArrayNode) words.path("words");
        assertThat(list.size()).isGreaterThan(3);
        int calls = api.get("/api/videos/" + videoId, alice).json().path("costs").path("calls").asInt();

        ArrayNode hostile = list.deepCopy();
        ((ObjectNode) hostile.get(0)).put("text", "\u0007");
        ApiClient.Response bad = api.send(api.request("/api/videos/" + videoId + "/captions", alice)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        Json.MAPPER.createObjectNode().set("words", hostile).toString())).build());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asText()).isEqualTo("words[0].text");

        ((ObjectNode) list.get(0)).put("text", "THIS");
        ApiClient.Response edited = api.send(api.request("/api/videos/" + videoId + "/captions", alice)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        Json.MAPPER.createObjectNode().set("words", list).toString())).build());
        assertThat(edited.status()).as(edited.body()).isEqualTo(202);
        JsonNode done = awaitStatus(videoId, "completed");

        assertThat(api.get("/api/videos/" + videoId + "/captions", alice).json().path("edited").asBoolean()).isTrue();
        assertThat(api.get("/api/videos/" + videoId + "/captions", alice).json().path("words").get(0).path("text")
                .asText()).isEqualTo("THIS");
        assertThat(done.path("costs").path("calls").asInt()).as("no new provider call").isEqualTo(calls);
        HttpResponse<byte[]> srt = api.bytes(HttpRequest.newBuilder(java.net.URI.create(api.base
                + done.path("files").path("captions_srt").asText())).GET().build());
        assertThat(new String(srt.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("THIS");
    }

    @Test
    @Order(5)
    void aLanguageTheOfflineWriterCannotWriteIsRefusedSayingWhatToConfigure() {
        ApiClient.Response r = api.post("/api/videos", alice, Map.of("theme", "Die Vulkane", "language", "de"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).isEqualTo("language");
        assertThat(r.json().path("detail").asText()).contains("REELFORGE_GEMINI_API_KEY", "your own script");
    }

    @Test
    @Order(6)
    void anAdminRemovesATrack() {
        assertThat(api.delete("/api/music/" + track, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/music", alice).json().path("items").toString()).doesNotContain(track);
        assertThat(api.delete("/api/music/" + track, admin).status()).isEqualTo(404);
    }
}
