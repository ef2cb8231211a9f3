package org.reelforge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.app.Config;
import org.reelforge.app.ReelForge;
import org.reelforge.provider.offline.clips.ClipRenderer;
import org.reelforge.media.Ffmpeg;
import org.reelforge.provider.offline.speech.EspeakSpeechSynthesizer;
import org.reelforge.provider.offline.clips.LocalClipGenerator;
import org.reelforge.provider.offline.clips.LocalFaults;
import org.reelforge.store.Database;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoStatus;

/**
 * Two {@code worker} processes on one data directory, each stopped with SIGTERM as systemd would: the first while its
 * clips are out at the provider (it takes no new work and exits; the second picks the video up and polls the same
 * operations, submitting nothing again), the second in the middle of the assembly (it finishes the step within the
 * grace before exiting). No step is left half-done, none runs twice, and no clip is paid twice. The grace is long
 * (4 min) so that a slow, shared machine still finishes the assembly inside it.
 */
class GracefulShutdownIT {
    @TempDir
    Path dir;

    @Test
    void workersStoppedWithSigtermLeaveNoStepHalfDoneAndTheVideoCompletesWithEachClipPaidOnce() throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of("REELFORGE_LOCAL_CLIP_LATENCY", "6s", "REELFORGE_SHUTDOWN_GRACE", "240s",
                "REELFORGE_LOG_LEVEL", "info");
        VideoId id;
        try (ReelForge rf = ReelForge.open(Config.from(data, env))) {
            id = rf.engine().submit(VideoRequest.of("Les glaciers").withDuration(12), "alice").id();
        }

        ChildProcess first = ChildProcess.start(dir.resolve("first.log"), env, "worker", "--data-dir", data.toString());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> clips(data, id).stream().filter(c -> c.status() == ClipStatus.PENDING).count() == 2);
        first.process().destroy();
        assertThat(first.await()).as(first.output()).isEqualTo(143);
        assertThat(first.output()).contains("Stopping: no new work is taken");
        assertThat(clips(data, id)).noneMatch(c -> c.status() == ClipStatus.SUBMITTING);

        ChildProcess second = ChildProcess.start(dir.resolve("second.log"), env, "worker", "--data-dir", data.toString());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> video(data, id).status() == VideoStatus.ASSEMBLING);
        second.process().destroy();
        assertThat(second.await()).as(second.output()).isEqualTo(143);

        assertThat(video(data, id).status()).as("the assembly finished within the grace: " + second.output())
                .isEqualTo(VideoStatus.COMPLETED);
        List<VideoEvent> events = events(data, id);
        assertThat(events).noneMatch(e -> e.type().wireName().equals("job_failed"));
        assertThat(events).filteredOn(e -> e.type().wireName().equals("script_generated")).hasSize(1);
        assertThat(events).filteredOn(e -> e.type().wireName().equals("completed")).hasSize(1);
        LocalClipGenerator provider = new LocalClipGenerator(data.toAbsolutePath().resolve("local-provider"),
                new ClipRenderer(Ffmpeg.onPath(), new EspeakSpeechSynthesizer()), LocalFaults.NONE, Clock.systemUTC());
        assertThat(provider.submissions(id, 1)).hasSize(1);
        assertThat(provider.submissions(id, 2)).hasSize(1);
        assertThat(Files.size(data.resolve("videos").resolve(id.value()).resolve("final.mp4"))).isPositive();
    }

    private static List<ClipOperation> clips(Path data, VideoId id) {
        try (Database db = Database.sqlite(data)) {
            return new org.reelforge.store.JdbiVideoRuns(db).load(id).orElseThrow().clips();
        }
    }

    private static Video video(Path data, VideoId id) {
        try (Database db = Database.sqlite(data)) {
            return new org.reelforge.store.JdbiVideoRuns(db).video(id).orElseThrow();
        }
    }

    private static List<VideoEvent> events(Path data, VideoId id) {
        try (Database db = Database.sqlite(data)) {
            return new org.reelforge.store.JdbiVideoRuns(db).events(id, 0, 10_000);
        }
    }
}
