package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.account.Role;
import org.reelforge.store.TestPostgres;

/**
 * Two API nodes (two real servers on port 0) over one database, as behind a load balancer: they apply one creation
 * limit, one sign-in throttle and one sign-out, on a shared SQLite file and on PostgreSQL.
 */
class SharedLimitsIT {
    private static final Map<String, String> THREE_A_MINUTE = Map.of(WebSettings.CREATE_RATE, "3");
    private static TestPostgres postgres;
    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private record Nodes(TestServer a, TestServer b) implements AutoCloseable {
        @Override
        public void close() {
            a.close();
            b.close();
        }
    }

    private Nodes onSqlite() {
        return new Nodes(TestServer.sharing(dir, THREE_A_MINUTE), TestServer.sharing(dir, THREE_A_MINUTE));
    }

    private Nodes onPostgres() {
        Map<String, String> env = new java.util.HashMap<>(THREE_A_MINUTE);
        env.put("REELFORGE_DATABASE_URL", postgres.newDatabase());
        env.put("REELFORGE_DATABASE_USER", "reelforge");
        return new Nodes(TestServer.sharing(dir.resolve("a"), env), TestServer.sharing(dir.resolve("b"), env));
    }

    @Test
    void twoNodesOnOneSqliteFileApplyOneCreationLimit() {
        try (Nodes nodes = onSqlite()) {
            creationLimitIsShared(nodes);
        }
    }

    @Test
    void twoNodesOnPostgresApplyOneCreationLimit() {
        try (Nodes nodes = onPostgres()) {
            creationLimitIsShared(nodes);
        }
    }

    private static void creationLimitIsShared(Nodes nodes) {
        String onA = nodes.a().token("carol", Role.USER);
        String onB = nodes.b().login("carol", "carol-password");
        Map<String, Object> video = Map.of("theme", "Les volcans", "target_duration", 12);

        assertThat(nodes.a().api.post("/api/videos", onA, video).status()).isEqualTo(202);
        assertThat(nodes.b().api.post("/api/videos", onB, video).status()).isEqualTo(202);
        assertThat(nodes.a().api.post("/api/videos", onA, video).status()).isEqualTo(202);
        ApiClient.Response fourth = nodes.b().api.post("/api/videos", onB, video);

        assertThat(fourth.status()).as(fourth.body()).isEqualTo(429);
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(fourth.json().path("detail").asText()).contains("carol may create at most 3 videos a minute");
    }

    @Test
    void twoNodesOnOneSqliteFileShareTheSignInThrottleAndSignOut() {
        try (Nodes nodes = onSqlite()) {
            throttleAndSignOutAreShared(nodes);
        }
    }

    @Test
    void twoNodesOnPostgresShareTheSignInThrottleAndSignOut() {
        try (Nodes nodes = onPostgres()) {
            throttleAndSignOutAreShared(nodes);
        }
    }

    private static void throttleAndSignOutAreShared(Nodes nodes) {
        nodes.a().token("dave", Role.USER);
        Map<String, String> wrong = Map.of("username", "dave", "password", "not-daves-password");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            TestServer node = i % 2 == 0 ? nodes.a() : nodes.b();
            assertThat(node.api.post("/api/auth/login", null, wrong).status()).isEqualTo(401);
        }
        Map<String, String> right = Map.of("username", "dave", "password", "dave-password");
        ApiClient.Response refused = nodes.b().api.post("/api/auth/login", null, right);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();

        JsonNode session = nodes.a().api.post("/api/auth/login", null,
                Map.of("username", TestServer.ADMIN, "password", TestServer.ADMIN_PASSWORD)).json();
        String refresh = session.path("refresh_token").asText();
        String access = session.path("access_token").asText();
        assertThat(nodes.b().api.get("/api/videos", access).status()).isEqualTo(200);

        assertThat(nodes.a().api.post("/api/auth/logout", null, Map.of("refresh_token", refresh)).status()).isEqualTo(204);

        ApiClient.Response again = nodes.b().api.post("/api/auth/refresh", null, Map.of("refresh_token", refresh));
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.json().path("detail").asText()).contains("signed out");
        assertThat(nodes.b().api.get("/api/videos", access).status()).isEqualTo(401);
    }
}
