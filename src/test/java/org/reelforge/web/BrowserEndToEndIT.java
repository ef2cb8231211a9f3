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
 * The web app in real headless Chromium (Debian's, driven by playwright-core from ui/e2e), by keyboard: sign in,
 * create a video with the offline providers, watch the storyboard move, see it complete, outlive a short access
 * token with the player playing and the download working, play it in the library, delete it with focus kept in
 * the dialogs; axe-core on every page state (0 serious or critical). Screenshots land in target/e2e/.
 */
class BrowserEndToEndIT {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    /** Short enough to expire during the run, so the files must outlive it. */
    private static final String ACCESS_TOKEN_SECONDS = "20";

    @Test
    void aPersonSignsInCreatesWatchesPlaysAndDeletesAVideo() throws IOException, InterruptedException {
        String log = run(List.of());
        assertThat(log).contains("block 1 moved to success", "the player plays after the access token expired",
                "the download works after the access token expired", "the video plays in the page",
                "player closes on Escape and gives focus back to its card", "deleted", "passed");
        assertThat(log).doesNotContainPattern("axe [^:]+: [1-9]");
    }

    @Test
    void aPersonReviewsTheScriptEditsABlockApprovesAndWatches() throws IOException, InterruptedException {
        String log = run(List.of("--review"));
        assertThat(log).contains("block 1 edited", "approved", "the approved video plays", "passed");
    }

    @Test
    void aCreatorPicksASquarePopLookUsesTheirOwnClipAndCorrectsACaptionWord() throws IOException, InterruptedException {
        String log = run(List.of("--creator"));
        assertThat(log).contains("look section open: 1:1, pop captions, preview 360x360", "own clip uploaded for block 1",
                "approved", "final video is 1080x1080", "caption word edited", "re-assembled with the edited caption", "passed");
        assertThat(log).doesNotContainPattern("axe [^:]+: [1-9]");
    }

    private String run(List<String> extra) throws IOException, InterruptedException {
        require(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install -y chromium; ./reelforge test does it)");
        require(getClass().getResource("/public/index.html") != null, "the web app was not built into the classpath (npm run build)");
        Path out = Files.createDirectories(Path.of("target", "e2e"));
        try (TestServer server = TestServer.start(true, Map.of("REELFORGE_LOCAL_CLIP_LATENCY", "6s",
                "REELFORGE_FIRST_POLL", "1s", "REELFORGE_POLL_INTERVAL", "1s",
                WebSettings.ACCESS_TOKEN_SECONDS, ACCESS_TOKEN_SECONDS))) {
            List<String> command = new java.util.ArrayList<>(List.of("node", "e2e/browser-e2e.mjs",
                    "http://127.0.0.1:" + server.server.port(), TestServer.ADMIN, TestServer.ADMIN_PASSWORD,
                    out.toAbsolutePath().toString(), ACCESS_TOKEN_SECONDS));
            command.addAll(extra);
            Process node = new ProcessBuilder(command)
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
            return log;
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
