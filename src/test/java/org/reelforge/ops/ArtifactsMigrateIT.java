package org.reelforge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.S3ArtifactStore;
import org.reelforge.artifact.TestS3;
import org.reelforge.cli.ExitCodes;
import org.reelforge.video.VideoId;

/** {@code reelforge artifacts migrate --to s3://…} run as an operator would, against a real S3 server (S3Proxy). */
class ArtifactsMigrateIT {
    private static final VideoId FIRST = new VideoId("vid_20260201_203648_k3f9");
    private static final VideoId SECOND = new VideoId("vid_20260202_101010_ab12");
    private static TestS3 s3;
    @TempDir
    Path dir;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = TestS3.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    private Path write(Path data, VideoId id, String relative, int size, long seed) throws Exception {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Path f = data.resolve("videos").resolve(id.value()).resolve(relative);
        Files.createDirectories(f.getParent());
        return Files.write(f, bytes);
    }

    @Test
    void aLocalLibraryIsCopiedWholeThenASecondRunOnlyCatchesUpAndSaysWhatToSetNext() throws Exception {
        Path data = dir.resolve("data");
        write(data, FIRST, "final.mp4", 300_000, 1);
        write(data, FIRST, "clips/block_1.mp4", 100_000, 2);
        write(data, FIRST, "script.json", 2_000, 3);
        write(data, SECOND, "clips/block_1.mp4", 50_000, 4);
        write(data, SECOND, "work/assembly/joined.wav", 10_000, 5);
        String bucket = s3.newBucket();
        Map<String, String> env = new HashMap<>(s3.environment(bucket, "lib"));
        env.remove("REELFORGE_ARTIFACTS");

        ChildProcess first = ChildProcess.start(dir.resolve("first.log"), env, "artifacts", "migrate",
                "--to", "s3://" + bucket + "/lib", "--data-dir", data.toString());
        assertThat(first.await()).as(first.output()).isEqualTo(ExitCodes.DONE);

        assertThat(first.output()).contains("Copied and checked 4 object(s)", "0 already there", "0 failed",
                "REELFORGE_ARTIFACTS=s3://" + bucket + "/lib");
        try (S3ArtifactStore store = s3.store(s3.settings(bucket, "lib", dir.resolve("cache")))) {
            assertThat(store.listAll()).containsExactly(ArtifactKey.clip(FIRST, 1), ArtifactKey.finalVideo(FIRST),
                    ArtifactKey.scriptJson(FIRST), ArtifactKey.clip(SECOND, 1));
            store.fetch(ArtifactKey.finalVideo(FIRST), dir.resolve("back.mp4"));
            assertThat(Files.readAllBytes(dir.resolve("back.mp4")))
                    .isEqualTo(Files.readAllBytes(data.resolve("videos").resolve(FIRST.value()).resolve("final.mp4")));
        }

        write(data, SECOND, "final.mp4", 70_000, 6);
        ChildProcess again = ChildProcess.start(dir.resolve("again.log"), env, "artifacts", "migrate",
                "--to", "s3://" + bucket + "/lib", "--data-dir", data.toString());
        assertThat(again.await()).as(again.output()).isEqualTo(ExitCodes.DONE);
        assertThat(again.output()).contains("Copied and checked 1 object(s)", "4 already there with the same size");
    }

    @Test
    void aMalformedDestinationIsAUsageErrorNamingTheOption() throws Exception {
        ChildProcess bad = ChildProcess.start(dir.resolve("bad.log"), Map.of(), "artifacts", "migrate",
                "--to", "s3://Bad_Bucket/x", "--data-dir", dir.toString());

        assertThat(bad.await()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.output()).contains("--to", "bucket").doesNotContain("Exception");
    }
}
