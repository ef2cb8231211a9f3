package org.reelforge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.app.Config;
import org.reelforge.app.ReelForge;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.S3ArtifactStore;
import org.reelforge.artifact.TestS3;
import org.reelforge.provider.replica.Replica;
import org.reelforge.store.Database;
import org.reelforge.store.JdbiVideoRuns;
import org.reelforge.store.TestPostgres;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoStatus;

/**
 * Several machines, as an operator would run them: two {@code worker} processes with their own data directories (so
 * their own scratch space), one PostgreSQL, the videos' files on a real S3 server (S3Proxy), clips from the Gemini
 * Omni replica. The first worker is killed with SIGKILL in the middle of an assembly; the second takes that video over,
 * finishes it from its own scratch and makes the next one. Both videos are delivered to S3, no clip is paid twice, and
 * no node keeps a video's files on its own disk.
 */
class ScaleOutIT {
    private static TestPostgres postgres;
    private static TestS3 s3;
    @TempDir
    static Path shared;
    private static Replica replica;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestPostgres.start();
        s3 = TestS3.start();
        replica = Replica.start(shared, 2, 8);
    }

    @AfterAll
    static void stop() throws Exception {
        if (replica != null) {
            replica.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aWorkerKilledMidAssemblyIsTakenOverByAnotherMachineAndNothingIsPaidTwiceOrKeptLocally() throws Exception {
        String url = postgres.newDatabase();
        String bucket = s3.newBucket();
        Map<String, String> env = new HashMap<>(replica.environment());
        env.putAll(s3.environment(bucket, "lib"));
        env.putAll(Map.of("REELFORGE_DATABASE_URL", url, "REELFORGE_DATABASE_USER", "reelforge",
                "REELFORGE_FIRST_POLL", "200ms", "REELFORGE_POLL_INTERVAL", "200ms", "REELFORGE_LOG_LEVEL", "info",
                "REELFORGE_X264_PRESET", "ultrafast"));
        Path nodeA = dir.resolve("node-a");
        Path nodeB = dir.resolve("node-b");
        int creates = replica.interactions().creates();

        VideoId first = submit(dir.resolve("api"), env, "Les volcans");
        ChildProcess a = ChildProcess.start(dir.resolve("a.log"), env, "worker", "--workers", "1", "--data-dir", nodeA.toString());
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> video(url, first).status() == VideoStatus.ASSEMBLING);
        ChildProcess b = ChildProcess.start(dir.resolve("b.log"), env, "worker", "--workers", "1", "--data-dir", nodeB.toString());
        a.process().destroyForcibly();
        a.process().waitFor();
        VideoId second = submit(dir.resolve("api"), env, "Les glaciers");

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> video(url, first).status().isIdle() && video(url, second).status().isIdle());
        b.process().destroy();
        b.await();

        assertThat(video(url, first).status()).as(b.output()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(video(url, second).status()).as(b.output()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(a.output()).as("the first node made the first video's clips").contains(first + " clip_succeeded");
        assertThat(b.output()).as("the second node finished the video the first was assembling")
                .contains(first + " completed", second + " completed");
        assertThat(replica.interactions().creates() - creates).as("2 clips per video, each paid once").isEqualTo(4);
        for (VideoId id : List.of(first, second)) {
            assertThat(clips(url, id)).allSatisfy(c -> assertThat(c.submissions()).isEqualTo(1));
        }
        try (S3ArtifactStore store = s3.store(s3.settings(bucket, "lib", dir.resolve("check-cache")))) {
            for (VideoId id : List.of(first, second)) {
                assertThat(store.info(ArtifactKey.finalVideo(id))).hasValueSatisfying(i -> assertThat(i.size()).isPositive());
                assertThat(store.info(ArtifactKey.clip(id, 1))).isPresent();
            }
        }
        assertThat(Files.exists(nodeA.resolve("videos"))).as("node A keeps no video files").isFalse();
        assertThat(Files.exists(nodeB.resolve("videos"))).as("node B keeps no video files").isFalse();
    }

    private static VideoId submit(Path data, Map<String, String> env, String theme) {
        try (ReelForge rf = ReelForge.open(Config.from(data, env))) {
            return rf.engine().submit(VideoRequest.of(theme).withDuration(16), "alice").id();
        }
    }

    private Video video(String url, VideoId id) {
        return runs(url).video(id).orElseThrow();
    }

    private List<ClipOperation> clips(String url, VideoId id) {
        return runs(url).load(id).orElseThrow().clips();
    }

    private Database database;
    private JdbiVideoRuns runs;

    private JdbiVideoRuns runs(String url) {
        if (runs == null) {
            database = Database.postgres(url, "reelforge", "");
            runs = new JdbiVideoRuns(database);
        }
        return runs;
    }

    @org.junit.jupiter.api.AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
