package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reelforge.account.User;
import org.reelforge.account.Role;

/** Sign-in, tokens, users, CORS and the public routes, against a real server (no workers). */
class AuthApiIT {
    private static TestServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        server = TestServer.start(false, Map.of());
        api = server.api;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertProblem(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        assertThat(r.json().path("title").asText()).isNotEmpty();
        assertThat(r.json().path("detail").asText()).isNotEmpty();
    }

    @Test
    void loginAnswersBothTokensAndTheUser() {
        ApiClient.Response r = api.post("/api/auth/login", null,
                Map.of("username", TestServer.ADMIN, "password", TestServer.ADMIN_PASSWORD));

        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("access_token").asText()).hasSizeGreaterThan(20);
        assertThat(body.path("refresh_token").asText()).isNotEqualTo(body.path("access_token").asText());
        assertThat(body.path("expires_in").asInt()).isEqualTo(900);
        assertThat(body.path("user").path("username").asText()).isEqualTo(TestServer.ADMIN);
        assertThat(body.path("user").path("role").asText()).isEqualTo("admin");
    }

    @Test
    void wrongPasswordAndUnknownUserAre401() {
        ApiClient.Response wrong = api.post("/api/auth/login", null, Map.of("username", TestServer.ADMIN, "password", "nope-nope"));
        assertProblem(wrong, 401);
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertProblem(api.post("/api/auth/login", null, Map.of("username", "ghost", "password", "whatever1")), 401);
        assertProblem(api.post("/api/auth/login", null, Map.of("username", TestServer.ADMIN)), 401);
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedWith429WhileOtherUsersSignInAsUsual() {
        assertThat(api.post("/api/users", server.adminToken(), Map.of("username", "erin", "password", "erin-password"))
                .status()).isEqualTo(201);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertProblem(api.post("/api/auth/login", null, Map.of("username", "erin", "password", "guess-" + i)), 401);
        }

        ApiClient.Response refused = api.post("/api/auth/login", null, Map.of("username", "erin", "password", "erin-password"));
        assertProblem(refused, 429);
        assertThat(refused.json().path("detail").asText()).contains("5 failed sign-ins", "try again in");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, LoginThrottle.WINDOW.toSeconds());
        assertThat(server.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD)).isNotEmpty();
    }

    @Test
    void aSuccessfulSignInForgetsThePreviousWrongPasswords() {
        assertThat(api.post("/api/users", server.adminToken(), Map.of("username", "frank", "password", "frank-password"))
                .status()).isEqualTo(201);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
                assertProblem(api.post("/api/auth/login", null, Map.of("username", "frank", "password", "typo-" + i)), 401);
            }
            assertThat(server.login("frank", "frank-password")).isNotEmpty();
        }
    }

    @Test
    void changingOnesPasswordRetiresTheOldPasswordAndTheOtherSessionsRefreshTokens() {
        assertThat(api.post("/api/users", server.adminToken(), Map.of("username", "gina", "password", "gina-password-1"))
                .status()).isEqualTo(201);
        JsonNode laptop = api.post("/api/auth/login", null, Map.of("username", "gina", "password", "gina-password-1")).json();
        String access = laptop.path("access_token").asText();

        ApiClient.Response changed = api.post("/api/auth/password", access,
                Map.of("current_password", "gina-password-1", "new_password", "gina-password-2"));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertProblem(api.post("/api/auth/login", null, Map.of("username", "gina", "password", "gina-password-1")), 401);
        assertThat(server.login("gina", "gina-password-2")).isNotEmpty();
        ApiClient.Response oldSession = api.post("/api/auth/refresh", null,
                Map.of("refresh_token", laptop.path("refresh_token").asText()));
        assertProblem(oldSession, 401);
        assertThat(oldSession.json().path("detail").asText()).contains("password", "sign in again");
        assertThat(api.post("/api/auth/refresh", null, Map.of("refresh_token", changed.json().path("refresh_token").asText()))
                .status()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeNamesTheFieldThatIsWrong() {
        assertThat(api.post("/api/users", server.adminToken(), Map.of("username", "hugo", "password", "hugo-password"))
                .status()).isEqualTo(201);
        String hugo = server.login("hugo", "hugo-password");

        ApiClient.Response wrongCurrent = api.post("/api/auth/password", hugo,
                Map.of("current_password", "not-it-at-all", "new_password", "hugo-password-2"));
        assertProblem(wrongCurrent, 400);
        assertThat(wrongCurrent.json().path("field").asText()).isEqualTo("current_password");
        ApiClient.Response tooShort = api.post("/api/auth/password", hugo,
                Map.of("current_password", "hugo-password", "new_password", "short"));
        assertProblem(tooShort, 400);
        assertThat(tooShort.json().path("field").asText()).isEqualTo("new_password");
        assertThat(tooShort.json().path("rule").asText()).contains("8");
        assertProblem(api.post("/api/auth/password", null, Map.of("current_password", "hugo-password",
                "new_password", "hugo-password-2")), 401);
        assertThat(server.login("hugo", "hugo-password")).isNotEmpty();
    }

    @Test
    void anAdminResetsAForgottenPasswordAndOnlyAnAdminMay() {
        String admin = server.adminToken();
        assertThat(api.post("/api/users", admin, Map.of("username", "ines", "password", "ines-forgotten")).status())
                .isEqualTo(201);
        String ines = server.login("ines", "ines-forgotten");

        assertThat(api.post("/api/users/ines/password", admin, Map.of("password", "ines-new-password")).status())
                .isEqualTo(204);
        assertThat(server.login("ines", "ines-new-password")).isNotEmpty();
        assertProblem(api.post("/api/auth/login", null, Map.of("username", "ines", "password", "ines-forgotten")), 401);
        assertProblem(api.post("/api/users/admin/password", ines, Map.of("password", "taken-over-1")), 403);
        assertProblem(api.post("/api/users/nobody/password", admin, Map.of("password", "whatever-123")), 404);
        assertThat(api.post("/api/users/ines/password", admin, Map.of("password", "x")).json().path("field").asText())
                .isEqualTo("password");
    }

    @Test
    void anAdminListsUsersWithTheirVideoCountsAndRemovesOneWhoOwnsNothing() {
        String admin = server.adminToken();
        api.post("/api/users", admin, Map.of("username", "jules", "password", "jules-password"));
        api.post("/api/users", admin, Map.of("username", "kim", "password", "kim-password"));
        String kim = server.login("kim", "kim-password");
        assertThat(api.post("/api/videos", kim, Map.of("theme", "Les volcans", "target_duration", 8)).status()).isEqualTo(202);

        ApiClient.Response list = api.get("/api/users", admin);
        assertThat(list.status()).isEqualTo(200);
        JsonNode users = list.json().path("items");
        assertThat(users.findValuesAsText("username")).contains(TestServer.ADMIN, "jules", "kim").isSorted();
        JsonNode kimRow = users.get(users.findValuesAsText("username").indexOf("kim"));
        assertThat(kimRow.path("videos").asInt()).isEqualTo(1);
        assertThat(kimRow.path("role").asText()).isEqualTo("user");
        assertThat(kimRow.path("created_at").asText()).isNotEmpty();
        assertThat(kimRow.has("password_hash")).isFalse();

        String jules = server.login("jules", "jules-password");
        assertThat(api.delete("/api/users/jules", admin).status()).isEqualTo(204);
        assertProblem(api.get("/api/videos", jules), 401);
        assertProblem(api.post("/api/auth/login", null, Map.of("username", "jules", "password", "jules-password")), 401);
        ApiClient.Response owner = api.delete("/api/users/kim", admin);
        assertProblem(owner, 409);
        assertThat(owner.json().path("detail").asText()).contains("kim still owns 1 video");
        assertProblem(api.delete("/api/users/" + TestServer.ADMIN, admin), 409);
        assertProblem(api.delete("/api/users/jules", admin), 404);
        assertProblem(api.get("/api/users", kim), 403);
        assertProblem(api.delete("/api/users/kim", kim), 403);
    }

    @Test
    void apiWithoutOrWithBadTokenIs401() {
        assertProblem(api.get("/api/videos", null), 401);
        assertProblem(api.get("/api/videos", "not-a-token"), 401);
        assertProblem(api.send(api.request("/api/videos", null).header("Authorization", "Basic cm9vdDpyb290").GET().build()), 401);
    }

    @Test
    void expiredTamperedAndForeignTokensAre401() {
        Jwt sameSecret = new Jwt(TestServer.SECRET.getBytes(StandardCharsets.UTF_8),
                Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC));
        String expired = sameSecret.sign(new User(TestServer.ADMIN, Role.ADMIN), TokenType.ACCESS);
        assertThat(api.get("/api/videos", expired).json().path("detail").asText()).contains("expired");

        String token = server.adminToken();
        assertProblem(api.get("/api/videos", token.substring(0, token.length() - 2) + "xx"), 401);
        Jwt foreign = new Jwt("some-other-secret-some-other-secret!".getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        assertProblem(api.get("/api/videos", foreign.sign(new User(TestServer.ADMIN, Role.ADMIN), TokenType.ACCESS)), 401);
    }

    @Test
    void refreshTokenBuysNewTokensButIsNoAccessToken() {
        JsonNode login = api.post("/api/auth/login", null,
                Map.of("username", TestServer.ADMIN, "password", TestServer.ADMIN_PASSWORD)).json();
        String refresh = login.path("refresh_token").asText();

        assertProblem(api.get("/api/videos", refresh), 401);
        ApiClient.Response r = api.post("/api/auth/refresh", null, Map.of("refresh_token", refresh));
        assertThat(r.status()).isEqualTo(200);
        assertThat(api.get("/api/videos", r.json().path("access_token").asText()).status()).isEqualTo(200);
        assertProblem(api.post("/api/auth/refresh", null, Map.of("refresh_token", login.path("access_token").asText())), 401);
        assertProblem(api.post("/api/auth/refresh", null, Map.of("refresh_token", "garbage")), 401);
    }

    @Test
    void signingOutEndsThatSessionsRefreshAndAccessTokensAtOnceButNoOtherSession() {
        Map<String, String> credentials = Map.of("username", TestServer.ADMIN, "password", TestServer.ADMIN_PASSWORD);
        JsonNode phone = api.post("/api/auth/login", null, credentials).json();
        JsonNode laptop = api.post("/api/auth/login", null, credentials).json();
        JsonNode refreshed = api.post("/api/auth/refresh", null,
                Map.of("refresh_token", phone.path("refresh_token").asText())).json();

        ApiClient.Response out = api.post("/api/auth/logout", null, Map.of("refresh_token", phone.path("refresh_token").asText()));

        assertThat(out.status()).isEqualTo(204);
        ApiClient.Response refresh = api.post("/api/auth/refresh", null, Map.of("refresh_token", phone.path("refresh_token").asText()));
        assertProblem(refresh, 401);
        assertThat(refresh.json().path("detail").asText()).contains("signed out");
        assertProblem(api.post("/api/auth/refresh", null, Map.of("refresh_token", refreshed.path("refresh_token").asText())), 401);
        assertProblem(api.get("/api/videos", phone.path("access_token").asText()), 401);
        assertProblem(api.get("/api/videos", refreshed.path("access_token").asText()), 401);
        assertThat(api.get("/api/videos", laptop.path("access_token").asText()).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/refresh", null, Map.of("refresh_token", laptop.path("refresh_token").asText())).status())
                .isEqualTo(200);
        assertThat(api.post("/api/auth/logout", null, Map.of("refresh_token", phone.path("refresh_token").asText())).status())
                .as("signing out twice is harmless").isEqualTo(204);
    }

    @Test
    void signOutNamesAMissingTokenAndRefusesOneThatIsNoRefreshToken() {
        ApiClient.Response missing = api.post("/api/auth/logout", null, Map.of());
        assertProblem(missing, 400);
        assertThat(missing.json().path("field").asText()).isEqualTo("refresh_token");
        assertProblem(api.post("/api/auth/logout", null, Map.of("refresh_token", "garbage")), 401);
        assertProblem(api.post("/api/auth/logout", null, Map.of("refresh_token", server.adminToken())), 401);
    }

    @Test
    void onlyAnAdminCreatesUsers() {
        String admin = server.adminToken();
        ApiClient.Response created = api.post("/api/users", admin, Map.of("username", "carol", "password", "carol-password",
                "role", "user"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("role").asText()).isEqualTo("user");
        String carol = server.login("carol", "carol-password");

        assertProblem(api.post("/api/users", carol, Map.of("username", "mallory", "password", "mallory-pw", "role", "admin")), 403);
        assertProblem(api.post("/api/users", admin, Map.of("username", "carol", "password", "other-password", "role", "user")), 409);
        ApiClient.Response badName = api.post("/api/users", admin, Map.of("username", "Bad Name!", "password", "password-1"));
        assertProblem(badName, 400);
        assertThat(badName.json().path("field").asText()).isEqualTo("username");
        assertThat(api.post("/api/users", admin, Map.of("username", "dave", "password", "password-1", "role", "owner"))
                .json().path("field").asText()).isEqualTo("role");
        assertThat(api.post("/api/users", admin, Map.of("username", "dave", "password", "short"))
                .json().path("field").asText()).isEqualTo("password");
    }

    @Test
    void queryTokenIsRefusedOutsideFileAndStreamRoutes() {
        String token = server.adminToken();

        assertProblem(api.get("/api/videos?access_token=" + token, null), 401);
        assertProblem(api.post("/api/monitor/run?access_token=" + token, null, "{}"), 401);
    }

    @Test
    void corsPreflightFromAConfiguredOriginIsAllowed() {
        ApiClient.Response r = api.send(api.request("/api/videos", null).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", TestServer.ALLOWED_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build());

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(TestServer.ALLOWED_ORIGIN);
        assertThat(r.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(r.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
    }

    @Test
    void corsPreflightFromAnyOtherOriginIsRefused() {
        ApiClient.Response r = api.send(api.request("/api/videos", null).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example.test").header("Access-Control-Request-Method", "POST").build());

        assertProblem(r, 403);
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void corsHeadersOnlyForConfiguredOriginsOnPlainRequests() {
        String token = server.adminToken();
        ApiClient.Response allowed = api.send(api.request("/api/videos", token).header("Origin", TestServer.ALLOWED_ORIGIN).GET().build());
        ApiClient.Response other = api.send(api.request("/api/videos", token).header("Origin", "http://evil.example.test").GET().build());

        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(TestServer.ALLOWED_ORIGIN);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void healthOnlySaysTheProcessAnswersWhileReadinessNamesEachCheckAndIsNotReadyWithoutWorkers() {
        ApiClient.Response health = api.get("/api/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("ok");

        ApiClient.Response r = api.get("/api/ready", null);

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().path("status").asText()).isEqualTo("not_ready");
        assertThat(r.json().path("checks").path("database").path("ok").asBoolean()).isTrue();
        assertThat(r.json().path("checks").path("artifacts").path("ok").asBoolean()).isTrue();
        assertThat(r.json().path("checks").path("ffmpeg").path("ok").asBoolean()).isTrue();
        assertThat(r.json().path("checks").path("scheduler").path("ok").asBoolean()).isFalse();
        assertThat(r.json().path("checks").path("scheduler").path("detail").asText()).contains("no workers");
    }

    @Test
    void metricsAreInPrometheusTextFormat() {
        ApiClient.Response r = api.get("/metrics", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(r.body()).contains("# TYPE reelforge_videos gauge", "# TYPE reelforge_clip_operations gauge",
                "# TYPE reelforge_provider_calls_total counter", "reelforge_queue_depth ", "reelforge_workers_running 0");
    }

    @Test
    void openApiDocumentDescribesEveryRoute() {
        ApiClient.Response r = api.get("/api/openapi.json", null);

        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        assertThat(doc.path("openapi").asText()).startsWith("3.1");
        assertThat(doc.path("paths").fieldNames()).toIterable().contains("/api/auth/login", "/api/auth/refresh",
                "/api/auth/password", "/api/users", "/api/users/{username}", "/api/users/{username}/password",
                "/api/videos", "/api/videos/{id}", "/api/videos/{id}/retry", "/api/videos/{id}/cancel",
                "/api/videos/{id}/blocks/{n}/regenerate", "/api/videos/{id}/clips/{n}/reset", "/api/monitor/run",
                "/api/videos/{id}/final.mp4", "/api/videos/{id}/thumbnail.jpg", "/api/videos/{id}/captions.ass",
                "/api/videos/{id}/captions.srt", "/api/videos/{id}/script.json", "/api/videos/{id}/events",
                "/ws/videos/{id}", "/api/health", "/api/ready", "/api/auth/logout", "/metrics", "/api/openapi.json", "/api/videos/{id}/thumbnail-small.jpg",
                "/api/videos/{id}/blocks/{n}/frame.jpg", "/api/videos/{id}/script", "/api/videos/{id}/approve",
                "/api/videos/{id}/blocks/{n}/rewrite", "/api/videos/{id}/blocks/{n}", "/api/videos/{id}/finalize",
                "/api/providers", "/api/voices", "/api/voices/sample", "/api/captions/preview", "/api/music", "/api/music/{id}",
                "/api/videos/{id}/blocks/{n}/media", "/api/videos/{id}/captions");
        List<String> ids = new java.util.ArrayList<>();
        doc.path("paths").forEach(path -> path.forEach(op -> ids.add(op.path("operationId").asText(""))));
        assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
        assertThat(doc.path("tags").findValues("description")).hasSize(doc.path("tags").size());
    }

    @Test
    void malformedUriIsAProblemDocumentNotAServerError() throws Exception {
        URI base = URI.create(api.base);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET /api/videos/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"status\":400");
        }
    }

    @Test
    void browserPathsGetThePageAndUnknownApiPathsAProblem() {
        ApiClient.Response root = api.send(api.request("/", null).header("Accept", "text/html").GET().build());
        ApiClient.Response deep = api.send(api.request("/videos/some-client-route", null).header("Accept", "text/html").GET().build());

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.contentType()).startsWith("text/html");
        assertThat(deep.body()).isEqualTo(root.body());
        assertProblem(api.send(api.request("/api/nothing-here", null).header("Accept", "text/html").GET().build()), 404);
        assertProblem(api.post("/api/nothing-here", null, "{}"), 404);
    }
}
