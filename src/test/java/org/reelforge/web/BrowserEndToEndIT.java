package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The web app in real headless Chromium (Debian's, driven by playwright-core from ui/e2e): sign in, create a
 * video with the offline providers, watch the block grid move, see it complete, play it in the library, delete
 * it. Screenshots of the progress page mid-way and of the library land in target/e2e/.
 */
class BrowserEndToEndIT {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void aPersonSignsInCreatesWatchesPlaysAndDeletesAVideo() throws IOException, InterruptedException {
        require(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install -y chromium; ./reelforge test does it)");
        require(getClass().getResource("/public/index.html") != null, "the web app was not built into the classpath (npm run build)");
        Path out = Files.createDirectories(Path.of("target", "e2e"));
        try (TestServer server = TestServer.start(true, Map.of("REELFORGE_LOCAL_CLIP_LATENCY", "6s",
                "REELFORGE_FIRST_POLL", "1s", "REELFORGE_POLL_INTERVAL", "1s"))) {
            Process node = new ProcessBuilder(List.of("node", "e2e/browser-e2e.mjs", "http://127.0.0.1:" + server.server.port(),
                    TestServer.ADMIN, TestServer.ADMIN_PASSWORD, out.toAbsolutePath().toString()))
                    .directory(Path.of("ui").toFile()).redirectErrorStream(true)
                    .redirectOutput(out.resolve("browser-e2e.log").toFile()).start();
            boolean finished = node.waitFor(6, TimeUnit.MINUTES);
            if (!finished) {
                node.destroyForcibly();
            }
            String log = Files.readString(out.resolve("browser-e2e.log"));
            System.out.println(log);
            assertThat(finished).as("the browser test finished within 6 minutes").isTrue();
            assertThat(node.exitValue()).as("browser test exit code; log:\n" + log).isZero();
            assertThat(log).contains("block 1 moved to success", "the video plays in the page", "deleted; passed");
            assertThat(out.resolve("progress.png")).isNotEmptyFile();
            assertThat(out.resolve("library.png")).isNotEmptyFile();
        }
    }

    private static void require(boolean condition, String why) {
        if (!condition) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
    }
}
