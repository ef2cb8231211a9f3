package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reelforge.app.Config;
import org.reelforge.app.ReelForge;

/** A server started with no admin configured: the printed one-time password works once, for choosing a new one. */
class FirstAdminIT {
    @Test
    void theOneTimeAdminPasswordOnlyBuysAPasswordChange() throws Exception {
        Path dir = Files.createTempDirectory("reelforge-first-admin-");
        Map<String, String> env = Map.of(WebSettings.JWT_SECRET, TestServer.SECRET);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (ReelForge rf = ReelForge.open(Config.from(dir, env));
             WebServer server = WebServer.start(rf, WebSettings.from(env, "127.0.0.1", 0),
                     new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            ApiClient api = new ApiClient("http://127.0.0.1:" + server.port());
            Matcher m = Pattern.compile("one-time password.*: (\\S+)").matcher(printed.toString(StandardCharsets.UTF_8));
            assertThat(m.find()).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
            String oneTime = m.group(1);

            ApiClient.Response login = api.post("/api/auth/login", null, Map.of("username", "admin", "password", oneTime));
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.json().path("user").path("must_change_password").asBoolean()).isTrue();
            String token = login.json().path("access_token").asText();
            ApiClient.Response refused = api.get("/api/videos", token);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("type").asText()).isEqualTo("urn:reelforge:problem:password-change-required");
            assertThat(api.post("/api/estimates", token, "{\"theme\":\"x\"}").status()).isEqualTo(403);

            ApiClient.Response same = api.post("/api/auth/password", token,
                    Map.of("current_password", oneTime, "new_password", oneTime));
            assertThat(same.status()).isEqualTo(400);
            assertThat(same.json().path("field").asText()).isEqualTo("new_password");
            ApiClient.Response changed = api.post("/api/auth/password", token,
                    Map.of("current_password", oneTime, "new_password", "a-password-of-my-own"));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().path("user").path("must_change_password").asBoolean()).isFalse();
            assertThat(api.get("/api/videos", changed.json().path("access_token").asText()).status()).isEqualTo(200);
            assertThat(api.post("/api/auth/login", null, Map.of("username", "admin", "password", oneTime)).status())
                    .as("the one-time password works once").isEqualTo(401);
        } finally {
            org.reelforge.artifact.Scratch.deleteTree(dir);
        }
    }
}
