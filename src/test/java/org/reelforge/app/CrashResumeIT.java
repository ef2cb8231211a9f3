package org.reelforge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.cli.ExitCodes;
import org.reelforge.cli.ReelForgeCli;
import org.reelforge.media.Ffmpeg;
import org.reelforge.pipeline.VideoQueries;
import org.reelforge.store.JdbiVideoRuns;
import org.reelforge.wire.VideoView;
import org.reelforge.provider.offline.clips.ClipRenderer;
import org.reelforge.provider.offline.clips.LocalClipGenerator;
import org.reelforge.provider.offline.clips.LocalFaults;
import org.reelforge.provider.offline.speech.EspeakSpeechSynthesizer;
import org.reelforge.store.Database;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.Language;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;

/**
 * The process making a video is killed with SIGKILL while its clips are pending at the provider; `resume`
 * in a new process finishes it without submitting any clip twice or re-running a step that had succeeded.
 */
class CrashResumeIT {
    @TempDir
    Path dir;

    @Test
    void videoKilledWhileClipsArePendingIsFinishedByResumeWithoutPayingTwice() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("prices.properties"), "local-clips.second=0.10\n");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("REELFORGE_LOCAL_CLIP_LATENCY", "15s");
        Process child = startGenerate(data, env);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> pendingClips(data) == 2);
            child.destroyForcibly();
            assertThat(child.waitFor()).isNotZero();
        } finally {
            child.destroyForcibly();
        }
        Video crashed = onlyVideo(data);
        assertThat(crashed.status().isTerminal()).isFalse();

        int code = ReelForgeCli.execute(d -> ReelForge.open(Config.from(d, env)),
                "resume", crashed.id().value(), "--data-dir", data.toString(), "--quiet");

        assertThat(code).isEqualTo(ExitCodes.DONE);
        LocalClipGenerator provider = new LocalClipGenerator(data.toAbsolutePath().resolve("local-provider"),
                new ClipRenderer(Ffmpeg.onPath(), new EspeakSpeechSynthesizer()), LocalFaults.NONE, Clock.systemUTC());
        assertThat(provider.submissions()).hasSize(2);
        assertThat(provider.submissions(crashed.id(), 1)).hasSize(1);
        assertThat(provider.submissions(crashed.id(), 2)).hasSize(1);
        try (Database db = Database.sqlite(data)) {
            JdbiVideoRuns store = new JdbiVideoRuns(db);
            List<VideoEvent> events = store.events(crashed.id(), 0, 10_000);
            assertThat(events).filteredOn(e -> e.type() == org.reelforge.video.EventType.SCRIPT_GENERATED).hasSize(1);
            assertThat(events).anySatisfy(e -> assertThat(e.message()).contains("skipping script generation (already done)"));
            VideoView.Detail r = new VideoQueries(store, store, new VideoView.Context(BigDecimal.TEN, request -> BigDecimal.ZERO, 3))
                    .detail(crashed.id(), Language.FR, 1000).orElseThrow();
            assertThat(r.status()).isEqualTo("completed");
            assertThat(r.blocks()).allSatisfy(b -> assertThat(b.clip().submissions()).isEqualTo(1));
            assertThat(r.costs().spentUsd()).isEqualByComparingTo("1.2");
            assertThat(r.costs().savedUsd()).isEqualByComparingTo("1.2");
            System.out.println("crash test: spent $" + r.costs().spentUsd() + ", saved by resume $" + r.costs().savedUsd());
        }
        assertThat(Files.size(data.resolve("videos").resolve(crashed.id().value()).resolve("final.mp4"))).isPositive();
    }

    private static Process startGenerate(Path data, Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "generate", "--theme", "Les glaciers", "--duration", "12", "--quiet",
                "--out", data.resolve("never.mp4").toString(), "--data-dir", data.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(data.resolve("child.log").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    private static long pendingClips(Path data) {
        if (!Files.exists(data.resolve("reelforge.db"))) {
            return 0;
        }
        try (Database db = Database.sqlite(data)) {
            JdbiVideoRuns store = new JdbiVideoRuns(db);
            return store.page(null, null, 0, 1).stream().flatMap(v -> store.load(v.id()).orElseThrow().clips().stream())
                    .filter(c -> c.status() == ClipStatus.PENDING).count();
        }
    }

    private static Video onlyVideo(Path data) {
        try (Database db = Database.sqlite(data)) {
            return new JdbiVideoRuns(db).page(null, null, 0, 10).get(0);
        }
    }

}
