package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.reelforge.account.Role;
import org.reelforge.video.VideoId;

/**
 * One tiny video (one 4 s block) made end to end by a real server with workers and the offline providers, watched
 * through SSE and WebSocket as a browser would, then served with HTTP Range, re-rolled once and deleted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveVideoIT {
    private static final Duration RENDER = Duration.ofSeconds(90);
    private static final String TINY = """
            {"theme":"Tiny ball","target_duration":8,"language":"en","script":{"title":"Tiny","style_guide":"flat colours",
             "blocks":[{"index":1,"duration":4,"visual_prompt":"A red ball bounces on a table","spoken_text":"A red ball bounces."}]}}""";
    private static TestServer server;
    private static ApiClient api;
    private static String alice;
    private static String videoId;

    @BeforeAll
    static void start() {
        server = TestServer.start(true, Map.of());
        api = server.api;
        alice = server.token("alice", Role.USER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI sseUri(String id, String token) {
        return URI.create(api.base + "/api/videos/" + id + "/events?lang=fr&access_token=" + token);
    }

    private static URI wsUri(String id, String token) {
        return URI.create(api.base.replace("http://", "ws://") + "/ws/videos/" + id + "?lang=en&access_token=" + token);
    }

    private static List<JsonNode> drain(StreamClients.Frames frames) throws InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode f = frames.next(RENDER); f != null; f = frames.next(RENDER)) {
            all.add(f);
        }
        return all;
    }

    @Test
    @Order(1)
    void streamsSendTheCurrentStateThenEveryChangeUntilCompletion() throws Exception {
        videoId = api.post("/api/videos", alice, TINY).json().path("video_id").asText();
        StreamClients.Sse sse = StreamClients.sse(api.http, sseUri(videoId, alice));
        StreamClients.Ws ws = StreamClients.ws(api.http, wsUri(videoId, alice));

        assertThat(sse.status).isEqualTo(200);
        JsonNode first = sse.next(Duration.ofSeconds(2));
        assertThat(first.path("video_id").asText()).isEqualTo(videoId);
        assertThat(sse.lastEvent).isEqualTo("progress");
        JsonNode second = sse.next(RENDER);
        StreamClients.Sse reconnected = StreamClients.sse(api.http, sseUri(videoId, alice));
        JsonNode atOnce = reconnected.next(Duration.ofSeconds(2));
        assertThat(Instant.parse(atOnce.path("updated_at").asText())).isAfterOrEqualTo(Instant.parse(second.path("updated_at").asText()));

        List<JsonNode> frames = new ArrayList<>(List.of(first, second));
        frames.addAll(drain(sse));
        List<JsonNode> wsFrames = drain(ws);
        assertFollowsToCompletion(frames, "Terminé");
        assertFollowsToCompletion(wsFrames, "Done");
        assertFollowsToCompletion(drain(reconnected), "Terminé");
        assertThat(ws.closeCode.get()).isEqualTo(1000);
    }

    private static void assertFollowsToCompletion(List<JsonNode> frames, String doneMessage) {
        assertThat(frames).hasSizeGreaterThanOrEqualTo(2);
        List<Integer> progress = frames.stream().map(f -> f.path("progress_percentage").asInt()).toList();
        assertThat(progress).isSorted();
        JsonNode last = frames.get(frames.size() - 1);
        assertThat(last.path("status").asText()).isEqualTo("completed");
        assertThat(last.path("progress_percentage").asInt()).isEqualTo(100);
        assertThat(last.path("message").asText()).isEqualTo(doneMessage);
        assertThat(last.path("blocks").get(0).path("status").asText()).isEqualTo("success");
        assertThat(last.fieldNames()).toIterable().containsExactlyInAnyOrder("video_id", "status", "status_label",
                "current_step", "completed_blocks", "total_blocks", "progress_percentage", "message", "error_category",
                "error_message", "updated_at", "blocks");
        frames.subList(0, frames.size() - 1).forEach(f -> assertThat(f.path("status").asText()).isNotIn("completed", "failed", "cancelled"));
    }

    @Test
    @Order(2)
    void reconnectingToAFinishedVideoGetsItsStateAtOnceThenTheStreamCloses() throws Exception {
        StreamClients.Sse sse = StreamClients.sse(api.http, sseUri(videoId, alice));
        StreamClients.Ws ws = StreamClients.ws(api.http, wsUri(videoId, alice));

        assertThat(sse.next(Duration.ofSeconds(2)).path("status").asText()).isEqualTo("completed");
        assertThat(sse.next(Duration.ofSeconds(2))).isNull();
        assertThat(ws.next(Duration.ofSeconds(2)).path("status").asText()).isEqualTo("completed");
        assertThat(ws.next(Duration.ofSeconds(2))).isNull();
        assertThat(ws.closeCode.get()).isEqualTo(1000);
    }

    @Test
    @Order(3)
    void finishedVideoListsItsFilesAndLibraryShowsIt() {
        JsonNode detail = api.get("/api/videos/" + videoId, alice).json();
        JsonNode files = detail.path("files");
        String base = "/api/videos/" + videoId + "/";

        assertThat(files.path("final").asText()).startsWith(base + "final.mp4?exp=").contains("&sig=");
        assertThat(files.path("download").asText()).startsWith(base + "final.mp4?exp=").endsWith("&download=1");
        assertThat(files.path("thumbnail").asText()).startsWith(base + "thumbnail.jpg?exp=");
        assertThat(files.path("thumbnail_small").asText()).startsWith(base + "thumbnail-small.jpg?exp=");
        assertThat(files.path("captions_ass").asText()).startsWith(base + "captions.ass?exp=");
        assertThat(files.path("captions_srt").asText()).startsWith(base + "captions.srt?exp=");
        assertThat(files.path("script").asText()).startsWith(base + "script.json?exp=");
        assertThat(detail.toString()).doesNotContain("access_token");
        assertThat(Instant.parse(detail.path("links_expire_at").asText())).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(detail.path("frames").path("1").asText()).startsWith(base + "blocks/1/frame.jpg?exp=");
        assertThat(detail.path("eta").isNull()).as("a finished video has nothing left to wait for").isTrue();
        JsonNode item = api.get("/api/videos", alice).json().path("items").get(0);
        assertThat(item.path("has_final").asBoolean()).isTrue();
        assertThat(item.path("thumbnail_url").asText()).startsWith(base + "thumbnail-small.jpg?exp=");
        assertThat(item.path("final_url").asText()).isEqualTo(files.path("final").asText());
        assertThat(item.path("duration_seconds").asInt()).isEqualTo(4);
        assertThat(item.path("partial").asBoolean()).isFalse();
    }

    /** A file through the signed link of the video's document, with no token at all. */
    private static HttpResponse<byte[]> fetch(String file, String range) {
        String key = file.equals("final.mp4") ? "final" : file.equals("thumbnail.jpg") ? "thumbnail"
                : file.equals("thumbnail-small.jpg") ? "thumbnail_small" : file.equals("script.json") ? "script"
                : file.replace('.', '_');
        String link = api.get("/api/videos/" + videoId, alice).json().path("files").path(key).asText();
        return fetchLink(link, range);
    }

    private static HttpResponse<byte[]> fetchLink(String link, String range) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base + link)).GET();
        return api.bytes((range == null ? b : b.header("Range", range)).build());
    }

    @Test
    @Order(4)
    void finalVideoServesByteRangesForSeeking() throws Exception {
        byte[] whole = Files.readAllBytes(server.artifacts().file(org.reelforge.artifact.ArtifactKey.finalVideo(new VideoId(videoId))));
        int n = whole.length;

        HttpResponse<byte[]> all = fetch("final.mp4", null);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(all.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(all.body()).isEqualTo(whole);

        HttpResponse<byte[]> head = fetch("final.mp4", "bytes=0-99");
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("Content-Range")).contains("bytes 0-99/" + n);
        assertThat(head.body()).isEqualTo(Arrays.copyOfRange(whole, 0, 100));

        HttpResponse<byte[]> middle = fetch("final.mp4", "bytes=1000-1999");
        assertThat(middle.headers().firstValue("Content-Range")).contains("bytes 1000-1999/" + n);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(whole, 1000, 2000));

        HttpResponse<byte[]> suffix = fetch("final.mp4", "bytes=-500");
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.headers().firstValue("Content-Range")).contains("bytes " + (n - 500) + "-" + (n - 1) + "/" + n);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(whole, n - 500, n));

        HttpResponse<byte[]> beyond = fetch("final.mp4", "bytes=" + n + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */" + n);
    }

    @Test
    @Order(5)
    void otherFilesAreServedWithTheirTypes() {
        assertThat(fetch("thumbnail.jpg", null).headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(fetch("thumbnail.jpg", null).body()).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(new String(fetch("captions.srt", null).body())).contains("-->");
        assertThat(new String(fetch("captions.ass", null).body())).contains("[Events]");
        assertThat(new String(fetch("script.json", null).body())).contains("A red ball bounces");
        HttpResponse<byte[]> download = api.bytes(HttpRequest.newBuilder(URI.create(api.base + "/api/videos/" + videoId
                + "/final.mp4?download=1")).header("Authorization", "Bearer " + alice).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"Tiny ball.mp4\"; filename*=UTF-8''Tiny%20ball.mp4");
        assertThat(download.headers().firstValueAsLong("Content-Length").orElse(0)).isPositive();
        assertThat(api.get("/api/videos/" + videoId + "/final.mp4", null).status()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void signedLinksOpenOnlyTheirFileAndNeverExpireUnderTheUser() {
        String link = api.get("/api/videos/" + videoId, alice).json().path("files").path("final").asText();

        assertThat(fetchLink(link.replace("final.mp4", "script.json"), null).statusCode()).isEqualTo(403);
        assertThat(fetchLink(link.replaceAll("sig=[^&]+", "sig=AAAA"), null).statusCode()).isEqualTo(403);
        assertThat(fetchLink(link.replaceAll("exp=\\d+", "exp=" + (Instant.now().getEpochSecond() + 86_400)), null)
                .statusCode()).isEqualTo(403);
        assertThat(fetchLink(link.replaceAll("exp=\\d+", "exp=1000"), null).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> ok = fetchLink(link, "bytes=0-9");
        assertThat(ok.statusCode()).isEqualTo(206);
        assertThat(ok.headers().firstValue("Cache-Control").orElse("")).matches("private, max-age=\\d+");
    }

    @Test
    @Order(5)
    void thumbnailsAndBlockFramesAreSmallCachedJpegs() throws Exception {
        HttpResponse<byte[]> small = fetch("thumbnail-small.jpg", null);
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.body()).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(jpegWidth(small.body())).isEqualTo(360);
        assertThat(small.body().length).isLessThan(Files.readAllBytes(server.artifacts().file(org.reelforge.artifact.ArtifactKey.thumbnail(new VideoId(videoId)))).length);
        String etag = small.headers().firstValue("ETag").orElseThrow();
        String link = api.get("/api/videos/" + videoId, alice).json().path("files").path("thumbnail_small").asText();
        HttpResponse<byte[]> again = api.bytes(HttpRequest.newBuilder(URI.create(api.base + link)).header("If-None-Match", etag).GET().build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        String frame = api.get("/api/videos/" + videoId, alice).json().path("frames").path("1").asText();
        HttpResponse<byte[]> f = fetchLink(frame, null);
        assertThat(f.statusCode()).isEqualTo(200);
        assertThat(jpegWidth(f.body())).isEqualTo(360);
        assertThat(fetchLink(frame.replace("blocks/1/", "blocks/2/"), null).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/videos/" + videoId + "/blocks/1/frame.jpg", alice).status()).isEqualTo(200);
    }

    /** The width in a JPEG's SOF0/SOF2 header. */
    private static int jpegWidth(byte[] jpeg) {
        for (int i = 2; i + 8 < jpeg.length; ) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xC0 || marker == 0xC2) {
                return ((jpeg[i + 7] & 0xFF) << 8) | (jpeg[i + 8] & 0xFF);
            }
            i += 2 + length;
        }
        throw new AssertionError("no SOF marker");
    }

    @Test
    @Order(5)
    void repliesComeInThePagesLanguageNotTheVideos() {
        HttpRequest english = api.request("/api/videos/" + videoId, alice).header("Accept-Language", "en-GB,en;q=0.9").GET().build();
        HttpRequest french = api.request("/api/videos", alice).header("Accept-Language", "fr-FR").GET().build();

        assertThat(api.send(english).json().path("message").asText()).isEqualTo("Done");
        assertThat(api.send(french).json().path("items").get(0).path("message").asText()).isEqualTo("Terminé");
    }

    @Test
    @Order(9)
    void aRunningVideoGetsATimeLeftFromThisInstallationsPastSteps() {
        String next = api.post("/api/videos", alice, TINY).json().path("video_id").asText();
        JsonNode eta = api.get("/api/videos/" + next, alice).json().path("eta");

        assertThat(eta.path("basis").asText()).isEqualTo("history");
        assertThat(eta.path("samples").asInt()).isPositive();
        assertThat(eta.path("remaining_seconds").asLong()).isBetween(0L, 600L);
        await().atMost(RENDER).until(() -> api.get("/api/videos/" + next, alice).json().path("status").asText().equals("completed"));
    }

    @Test
    @Order(6)
    void streamsRefuseStrangersBeforeOpening() throws Exception {
        String bob = server.token("bob", Role.USER);

        assertThat(handshakeStatus(wsUri(videoId, "bad-token"))).isEqualTo(401);
        assertThat(handshakeStatus(wsUri(videoId, bob))).isEqualTo(404);
        assertThat(StreamClients.sse(api.http, sseUri(videoId, bob)).status).isEqualTo(404);
        assertThat(api.get("/api/videos/" + videoId + "/events", alice).status()).isEqualTo(406);
    }

    private static int handshakeStatus(URI uri) {
        Throwable failure = null;
        try {
            StreamClients.ws(api.http, uri);
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure).getResponse().statusCode();
    }

    @Test
    @Order(6)
    void rerolledBlockIsMadeAgainAndTheVideoCompletesAgain() throws Exception {
        String base = "/api/videos/" + videoId;
        assertThat(api.post(base + "/clips/1/reset", alice, "").status()).isEqualTo(409);
        assertThat(api.post(base + "/blocks/9/regenerate", alice, "").status()).isEqualTo(404);

        ApiClient.Response r = api.post(base + "/blocks/1/regenerate", alice, "");
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().path("status").asText()).isEqualTo("queued");
        List<JsonNode> frames = drain(StreamClients.ws(api.http, wsUri(videoId, alice)));
        assertThat(frames.get(frames.size() - 1).path("status").asText()).isEqualTo("completed");
        assertThat(api.get(base, alice).json().path("blocks").get(0).path("clip").path("submissions").asInt()).isEqualTo(2);
    }

    /**
     * Twelve people (or tabs) acting on one finished video at the same instant: re-roll, retry and reset. Each gets an
     * answer about the video (accepted, or 409 with its current status), never a server error; each accepted re-roll
     * pays one clip, and the video completes again.
     */
    @Test
    @Order(7)
    void twelveSimultaneousActionsOnOneVideoGetAnswersNotServerErrors() throws Exception {
        String base = "/api/videos/" + videoId;
        int before = api.get(base, alice).json().path("blocks").get(0).path("clip").path("submissions").asInt();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            paths.addAll(List.of(base + "/blocks/1/regenerate", base + "/retry", base + "/clips/1/reset"));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(paths.size());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<ApiClient.Response>> answers = new ArrayList<>();
        for (String path : paths) {
            answers.add(pool.submit(() -> {
                go.await();
                return api.post(path, alice, "");
            }));
        }
        go.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (java.util.concurrent.Future<ApiClient.Response> f : answers) {
            responses.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(202, 409));
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.json().path("current_status").asText()).as(r.body()).isNotEmpty());
        long accepted = responses.stream().filter(r -> r.status() == 202).count();
        System.out.printf("12 simultaneous actions on one video: %d accepted, %d answered 409, %d server errors%n",
                accepted, responses.stream().filter(r -> r.status() == 409).count(),
                responses.stream().filter(r -> r.status() >= 500).count());
        assertThat(accepted).as("the first re-roll gets in").isGreaterThanOrEqualTo(1);
        List<JsonNode> frames = drain(StreamClients.ws(api.http, wsUri(videoId, alice)));
        assertThat(frames.get(frames.size() - 1).path("status").asText()).isEqualTo("completed");
        int after = api.get(base, alice).json().path("blocks").get(0).path("clip").path("submissions").asInt();
        long rerolls = java.util.stream.IntStream.range(0, paths.size())
                .filter(i -> paths.get(i).endsWith("/regenerate") && responses.get(i).status() == 202).count();
        assertThat(after - before).as("one paid clip per accepted re-roll").isEqualTo((int) rerolls);
    }

    @Test
    @Order(8)
    void healthAndMetricsReportTheWorkingNode() {
        ApiClient.Response ready = api.get("/api/ready", null);
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("ok");
        server.server.drain();
        ApiClient.Response draining = api.get("/api/ready", null);
        assertThat(draining.status()).isEqualTo(503);
        assertThat(draining.json().path("checks").path("shutdown").path("detail").asText()).contains("shutting down");
        assertThat(api.get("/api/health", null).status()).as("still alive while it drains").isEqualTo(200);

        String metrics = api.get("/metrics", null).body();
        assertThat(metrics).contains("reelforge_videos{status=\"completed\"} 1", "reelforge_clip_operations{status=\"success\"} 1",
                "reelforge_workers_running 1", "reelforge_provider_calls_total{provider=",
                "reelforge_provider_requests_total{provider=\"local-clips\",operation=\"submit\",outcome=\"ok\"}",
                "reelforge_provider_request_seconds_bucket{provider=\"aligner\",operation=\"transcription\",le=\"+Inf\"}",
                "reelforge_provider_request_seconds_count{provider=\"local-clips\",operation=\"submit\"} ");
    }

    @Test
    @Order(10)
    void deletedVideoTakesItsFilesWithIt() {
        String link = api.get("/api/videos/" + videoId, alice).json().path("files").path("final").asText();
        assertThat(api.delete("/api/videos/" + videoId, alice).status()).isEqualTo(204);

        assertThat(fetchLink(link, null).statusCode()).isEqualTo(404);
        assertThat(server.artifacts().list(new VideoId(videoId))).isEmpty();
        assertThatThrownBy(() -> StreamClients.ws(api.http, wsUri(videoId, alice))).isInstanceOf(ExecutionException.class);
    }
}
