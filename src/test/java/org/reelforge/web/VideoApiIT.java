package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reelforge.account.Role;

/**
 * The video routes against a real server without workers: videos stay queued (or get cancelled), so every answer is
 * deterministic and nothing is rendered. Covers creation, library, detail, actions, delete, isolation between users
 * and every input error class.
 */
class VideoApiIT {
    private static final String TINY = """
            {"theme":"Tiny ball","target_duration":8,"language":"en","script":{"title":"Tiny","style_guide":"flat colours",
             "blocks":[{"index":1,"duration":4,"visual_prompt":"A red ball bounces on a table","spoken_text":"A red ball bounces."}]}}""";
    private static TestServer server;
    private static ApiClient api;
    private static String alice;
    private static String bob;
    private static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(false, Map.of(WebSettings.CREATE_RATE, "12"));
        api = server.api;
        admin = server.adminToken();
        alice = server.token("alice", Role.USER);
        bob = server.token("bob", Role.USER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String create(String token, String body) {
        ApiClient.Response r = api.post("/api/videos", token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().path("video_id").asText();
    }

    private static void assertProblem(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
    }

    private static JsonNode invalid(String token, String body, String field) {
        ApiClient.Response r = api.post("/api/videos", token, body);
        assertProblem(r, 400);
        assertThat(r.json().path("field").asText()).as(body).isEqualTo(field);
        assertThat(r.json().path("rule").asText()).isNotEmpty();
        return r.json();
    }

    @Test
    void createdVideoBelongsToTheCallerAndStartsQueued() {
        String id = create(alice, TINY);

        assertThat(id).matches("vid_\\d{8}_\\d{6}_[a-z0-9]{4,12}");
        JsonNode detail = api.get("/api/videos/" + id, alice).json();
        assertThat(detail.path("owner").asText()).isEqualTo("alice");
        assertThat(detail.path("status").asText()).isEqualTo("queued");
        assertThat(detail.path("message").asText()).isEqualTo("Queued");
        assertThat(detail.path("target_duration").asInt()).isEqualTo(8);
        assertThat(detail.path("files").path("final").isNull()).isTrue();
        assertThat(detail.path("files").has("captions_srt")).isTrue();
        assertThat(detail.path("costs").path("budget_usd").isNumber()).isTrue();
    }

    @Test
    void estimateIsGivenBeforeAnythingIsCreatedAndValidatesLikeACreation() {
        ApiClient.Response r = api.post("/api/estimates", alice, "{\"theme\":\"Les volcans\",\"target_duration\":36}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("estimate_usd").isNumber()).isTrue();
        assertThat(r.json().path("estimate_usd").decimalValue()).isZero();
        assertThat(r.json().path("unpriced").isEmpty()).isTrue();
        assertThat(r.json().path("models").findValuesAsText("step")).containsExactly("script", "voice", "clip", "transcriber");
        assertThat(r.json().path("models").findValuesAsText("model")).contains("builtin-writer", "local-clips");
        assertThat(api.get("/api/videos", alice).json().path("items").findValuesAsText("theme")).doesNotContain("Les volcans");
        ApiClient.Response bad = api.post("/api/estimates", alice, "{\"theme\":\"x\",\"target_duration\":500}");
        assertProblem(bad, 400);
        assertThat(bad.json().path("field").asText()).isEqualTo("target_duration");
        assertProblem(api.post("/api/estimates", null, "{\"theme\":\"x\"}"), 401);
    }

    @Test
    void detailCarriesTheEstimateNextToWhatWasSpent() {
        String id = create(alice, TINY);
        JsonNode costs = api.get("/api/videos/" + id, alice).json().path("costs");
        assertThat(costs.path("estimate_usd").isNumber()).isTrue();
        assertThat(costs.path("spent_usd").isNumber()).isTrue();
        assertThat(costs.path("saved_usd").isNumber()).isTrue();
    }

    @Test
    void detailSpeaksTheRequestedLanguage() {
        String id = create(alice, TINY);

        assertThat(api.get("/api/videos/" + id + "?lang=fr", alice).json().path("message").asText()).isEqualTo("En file d'attente");
        assertThat(api.get("/api/videos/" + id + "?lang=de", alice).json().path("field").asText()).isEqualTo("lang");
    }

    @Test
    void libraryIsNewestFirstPagedAndFilteredByStatus() {
        String first = create(bob, TINY);
        String second = create(bob, TINY);
        String third = create(bob, TINY);
        api.post("/api/videos/" + second + "/cancel", bob, "");

        JsonNode page1 = api.get("/api/videos?size=2&page=1", bob).json();
        JsonNode page2 = api.get("/api/videos?size=2&page=2", bob).json();
        assertThat(page1.path("total").asInt()).isEqualTo(3);
        assertThat(ids(page1)).containsExactly(third, second);
        assertThat(ids(page2)).containsExactly(first);
        assertThat(page1.path("items").get(0).fieldNames()).toIterable().contains("video_id", "theme", "status",
                "status_label", "progress_percentage", "message", "target_duration", "language", "created_at",
                "updated_at", "has_final", "thumbnail_url");
        JsonNode cancelled = api.get("/api/videos?status=cancelled", bob).json();
        assertThat(ids(cancelled)).containsExactly(second);
        assertProblem(api.get("/api/videos?status=sleeping", bob), 400);
        assertThat(api.get("/api/videos?page=0", bob).json().path("field").asText()).isEqualTo("page");
        assertThat(api.get("/api/videos?size=1000", bob).json().path("field").asText()).isEqualTo("size");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("video_id").asText()));
        return ids;
    }

    @Test
    void anotherUsersVideoIsNotFoundOnEveryRoute() {
        String id = create(alice, TINY);
        String base = "/api/videos/" + id;

        assertProblem(api.get(base, bob), 404);
        assertProblem(api.post(base + "/cancel", bob, ""), 404);
        assertProblem(api.post(base + "/retry", bob, ""), 404);
        assertProblem(api.post(base + "/blocks/1/regenerate", bob, ""), 404);
        assertProblem(api.post(base + "/clips/1/reset", bob, ""), 404);
        assertProblem(api.delete(base, bob), 404);
        assertProblem(api.get(base + "/final.mp4", bob), 404);
        // Files take no access token from the URL any more (only signed links): the token in it is ignored.
        assertProblem(api.get(base + "/final.mp4?access_token=" + alice, null), 401);
        assertProblem(api.get(base + "/script.json", bob), 404);
        assertProblem(api.send(api.request(base + "/events", bob).header("Accept", "text/event-stream").GET().build()), 404);
        assertThat(ids(api.get("/api/videos?size=100", bob).json())).doesNotContain(id);
        assertThat(api.get(base, alice).status()).isEqualTo(200);
    }

    @Test
    void adminSeesEveryonesVideos() {
        String id = create(alice, TINY);

        assertThat(api.get("/api/videos/" + id, admin).json().path("owner").asText()).isEqualTo("alice");
        assertThat(ids(api.get("/api/videos?size=100", admin).json())).contains(id);
    }

    @Test
    void cancelRetryAndDeleteFollowTheVideosState() {
        String id = create(alice, TINY);
        String base = "/api/videos/" + id;

        assertProblem(api.delete(base, alice), 409);
        ApiClient.Response cancelled = api.post(base + "/cancel", alice, "");
        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertProblem(api.post(base + "/cancel", alice, ""), 409);
        assertProblem(api.post(base + "/blocks/1/regenerate", alice, ""), 409);
        ApiClient.Response retried = api.post(base + "/retry", alice, "");
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.json().path("status").asText()).isEqualTo("queued");
        assertProblem(api.post(base + "/clips/1/reset", alice, ""), 404);
        api.post(base + "/cancel", alice, "");
        assertThat(api.delete(base, alice).status()).isEqualTo(204);
        assertProblem(api.get(base, alice), 404);
    }

    @Test
    void monitorRunIsForAdminsOnly() {
        assertProblem(api.post("/api/monitor/run", alice, ""), 403);
        ApiClient.Response r = api.post("/api/monitor/run", admin, "");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().fieldNames()).toIterable().contains("videos_checked", "clips_submitted", "videos_completed");
    }

    @Test
    void eachBrokenRuleIsA400NamingItsField() {
        invalid(alice, "{\"theme\":\"  \"}", "theme");
        invalid(alice, "{\"theme\":\"x\",\"target_duration\":500}", "target_duration");
        invalid(alice, "{\"theme\":\"x\",\"style\":\"noir\"}", "style");
        invalid(alice, "{\"theme\":\"x\",\"language\":\"xx\"}", "language");
        invalid(alice, "{\"theme\":\"x\",\"mode\":\"silent\"}", "mode");
        invalid(alice, "{\"theme\":\"x\",\"clip_strategy\":\"random\"}", "clip_strategy");
        invalid(alice, "{\"theme\":\"x\",\"budget_usd\":-1}", "budget_usd");
        invalid(alice, TINY.replace("\"duration\":4", "\"duration\":61"), "script.blocks[1].duration");
        invalid(alice, TINY.replace("\"target_duration\":8", "\"target_duration\":60"), "script.blocks");
    }

    @Test
    void unknownFieldsAndWrongTypesAre400NamingTheField() {
        invalid(alice, "{\"theme\":\"x\",\"colour\":\"red\"}", "colour");
        invalid(alice, "{\"theme\":\"x\",\"target_duration\":\"12\"}", "target_duration");
        invalid(alice, "{\"theme\":[\"x\"]}", "theme");
        invalid(alice, TINY.replace("\"index\":1", "\"index\":\"one\""), "script.blocks[0].index");
        invalid(alice, TINY.replace("\"title\":\"Tiny\"", "\"title\":\"Tiny\",\"mood\":1"), "script.mood");
    }

    @Test
    void malformedBodiesAreNeverA500() {
        for (String body : new String[] {"", "{", "not json", "[]", "null", "42", "\"x\"", "{\"theme\":\"x\"}}",
"{\"theme\":\"x\",\"script\":{\"blocks\":null}}", "{\"theme\":\"x\",\"script\":[]}",
                "{\"theme\":\"x\",\"target_duration\":1e400}", "{\"theme\":\"x\",\"target_duration\":99999999999999}"}) {
            ApiClient.Response r = api.post("/api/videos", alice, body);
            assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String huge = "{\"theme\":\"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(api.post("/api/videos", alice, huge), 413);

        HttpRequest chunked = api.request("/api/videos", alice).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertProblem(api.send(chunked), 413);
    }

    @Test
    void badPathIdsAre404() {
        for (String id : new String[] {"nope", "vid_", "vid_20260101_000000_zzzz", "VID_20260101_000000_abcd",
                URLEncoder.encode("../../etc/passwd", StandardCharsets.UTF_8), "%C3%A9t%C3%A9", "x".repeat(300), "' OR 1=1 --"
                        .replace(" ", "%20").replace("'", "%27")}) {
            assertProblem(api.get("/api/videos/" + id, alice), 404);
            assertProblem(api.post("/api/videos/" + id + "/cancel", alice, ""), 404);
            assertProblem(api.get("/api/videos/" + id + "/final.mp4", alice), 404);
        }
        String real = create(alice, TINY);
        for (String n : new String[] {"abc", "0", "-1", "99999999999", "1.5"}) {
            assertProblem(api.post("/api/videos/" + real + "/blocks/" + n + "/regenerate", alice, ""), 404);
            assertProblem(api.post("/api/videos/" + real + "/clips/" + n + "/reset", alice, ""), 404);
        }
    }

    @Test
    void creationsOverThePerMinuteLimitAre429WithRetryAfter() {
        String burst = server.token("burst", Role.USER);
        invalid(burst, "{\"theme\":\"\"}", "theme");
        for (int i = 0; i < 12; i++) {
            create(burst, TINY);
        }
        ApiClient.Response r = api.post("/api/videos", burst, TINY);

        assertProblem(r, 429);
        assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(1, 60);
        assertThat(api.post("/api/videos", alice, TINY).status()).isEqualTo(202);
    }
}
