package org.reelforge.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.reelforge.account.Role;
import org.reelforge.app.Config;
import org.reelforge.app.ReelForge;

/**
 * A real ReelForge web server for the API tests: a temporary SQLite data directory, the offline providers with no
 * clip latency, an admin from the environment, a known JWT secret, port 0. Workers only when asked.
 */
final class TestServer implements AutoCloseable {
    static final String SECRET = "integration-test-secret-0123456789abcdef";
    static final String ADMIN = "root";
    static final String ADMIN_PASSWORD = "root-password-1";
    static final String ALLOWED_ORIGIN = "http://ui.example.test";
    final Path dataDir;
    final ReelForge reelforge;
    final WebServer server;
    final ApiClient api;
    private final boolean ownsDataDir;

    private TestServer(Path dataDir, ReelForge reelforge, WebServer server, boolean ownsDataDir) {
        this.dataDir = dataDir;
        this.reelforge = reelforge;
        this.server = server;
        this.ownsDataDir = ownsDataDir;
        this.api = new ApiClient("http://127.0.0.1:" + server.port());
    }

    static TestServer start(boolean workers, Map<String, String> extraEnv) {
        return start(tempDir(), true, workers, extraEnv);
    }

    /**
     * A server on {@code dataDir} (and the database {@code extraEnv} names, if any) that another server may share: it
     * leaves the folder in place when it closes.
     */
    static TestServer sharing(Path dataDir, Map<String, String> extraEnv) {
        return start(dataDir, false, false, extraEnv);
    }

    /** A server (no workers) configured by {@code extraEnv} only (e.g. its files on S3). */
    static TestServer withEnvironment(Map<String, String> extraEnv) {
        return start(tempDir(), true, false, extraEnv);
    }

    private static TestServer start(Path dir, boolean ownsDir, boolean workers, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(Map.of("REELFORGE_LOCAL_CLIP_LATENCY", "0",
                WebSettings.JWT_SECRET, SECRET, WebSettings.ADMIN_USER, ADMIN, WebSettings.ADMIN_PASSWORD, ADMIN_PASSWORD,
                WebSettings.CORS_ORIGINS, ALLOWED_ORIGIN));
        env.putAll(extraEnv);
        ReelForge rf = ReelForge.open(Config.from(dir, env));
        if (workers) {
            rf.startWorkers(2);
        }
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        WebSettings settings = WebSettings.from(env, "127.0.0.1", 0);
        WebServer server = WebServer.start(rf, settings, quiet);
        return new TestServer(dir, rf, server, ownsDir);
    }

    /** Signs in, creating the user first (as the admin) unless it is the admin. */
    String token(String username, Role role) {
        if (!username.equals(ADMIN)) {
            api.post("/api/users", adminToken(), Map.of("username", username, "password", username + "-password",
                    "role", role.wireName()));
        }
        return login(username, username.equals(ADMIN) ? ADMIN_PASSWORD : username + "-password");
    }

    String adminToken() {
        return login(ADMIN, ADMIN_PASSWORD);
    }

    String login(String username, String password) {
        ApiClient.Response r = api.post("/api/auth/login", null, Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + r);
        }
        return r.json().path("access_token").asText();
    }

    org.reelforge.artifact.LocalArtifactStore artifacts() {
        return (org.reelforge.artifact.LocalArtifactStore) reelforge.artifacts();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("reelforge-web-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        reelforge.close();
        if (ownsDataDir) {
            org.reelforge.artifact.Scratch.deleteTree(dataDir);
        }
    }
}
