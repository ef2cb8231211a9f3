package org.reelforge.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** The contract on a real S3 server (S3Proxy), plus what only S3 has: multipart uploads, ETags, presigned URLs. */
class S3ArtifactStoreContractIT extends ArtifactStoreContract {
    private static TestS3 s3;
    private String bucket;

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

    @Override
    ArtifactStore newStore(Path dir) {
        bucket = s3.newBucket();
        return s3.store(settings(dir.resolve("cache")));
    }

    private S3Settings settings(Path cacheDir) {
        return s3.settings(bucket, "library/v1", cacheDir).withMultipart(6 * S3Settings.MIB, S3Settings.MIN_PART);
    }

    @Override
    int largeFileBytes() {
        return (int) (13 * S3Settings.MIB);
    }

    @Test
    void objectsLiveUnderThePrefixInTheDataDirectoryLayout() throws Exception {
        store.put(ArtifactKey.clip(VIDEO, 3), file("c.mp4", random(10, 1)));

        assertThat(s3.client().listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(o -> o.key())
                .containsExactly("library/v1/videos/" + VIDEO.value() + "/clips/block_3.mp4");
    }

    @Test
    void anUploadThatNeverCompletedIsInvisibleToEveryRead() throws Exception {
        ArtifactKey key = ArtifactKey.finalVideo(VIDEO);
        String objectKey = "library/v1/" + key.value();
        // what a worker killed between its last part and the completion leaves behind
        String upload = s3.client().createMultipartUpload(b -> b.bucket(bucket).key(objectKey)).uploadId();
        s3.client().uploadPart(b -> b.bucket(bucket).key(objectKey).uploadId(upload).partNumber(1),
                RequestBody.fromBytes(random((int) S3Settings.MIN_PART, 8)));

        assertThat(store.exists(key)).isFalse();
        assertThat(store.info(key)).isEmpty();
        assertThat(store.open(key, 0, 10)).isEmpty();
        assertThat(store.fetch(key, tmp.resolve("never.mp4"))).isFalse();
        assertThat(store.list(VIDEO)).isEmpty();
    }

    @Test
    void theNodeThatWroteAnObjectReadsItBackWithoutDownloadingAndAnotherNodeDownloadsItOnce() throws Exception {
        S3ArtifactStore writer = (S3ArtifactStore) store;
        byte[] clip = random(200_000, 9);
        ArtifactKey key = ArtifactKey.clip(VIDEO, 1);
        writer.put(key, file("clip.mp4", clip));

        writer.fetch(key, tmp.resolve("a.mp4"));
        try (S3ArtifactStore reader = s3.store(settings(tmp.resolve("other-node-cache")))) {
            reader.fetch(key, tmp.resolve("b1.mp4"));
            reader.fetch(key, tmp.resolve("b2.mp4"));

            assertThat(writer.downloads()).isZero();
            assertThat(reader.downloads()).isEqualTo(1);
            assertThat(Files.readAllBytes(tmp.resolve("b2.mp4"))).isEqualTo(clip);
        }
    }

    @Test
    void aReRolledObjectIsFetchedAnewByANodeThatCachedTheOldOne() throws Exception {
        ArtifactKey key = ArtifactKey.clip(VIDEO, 2);
        store.put(key, file("v1.mp4", random(10_000, 10)));
        byte[] v2 = random(12_000, 11);
        try (S3ArtifactStore reader = s3.store(settings(tmp.resolve("other-node-cache")))) {
            reader.fetch(key, tmp.resolve("old.mp4"));

            store.put(key, file("v2.mp4", v2));
            reader.fetch(key, tmp.resolve("new.mp4"));

            assertThat(Files.readAllBytes(tmp.resolve("new.mp4"))).isEqualTo(v2);
        }
    }

    @Test
    void aPresignedUrlServesARangeWithoutOurCredentials() throws Exception {
        byte[] video = random(40_000, 12);
        ArtifactKey key = ArtifactKey.finalVideo(VIDEO);
        store.put(key, file("final.mp4", video));

        var url = store.presign(key, Duration.ofMinutes(5)).orElseThrow();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).header("Range", "bytes=100-199")
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(video, 100, 200));
    }

    @Test
    void anUnknownBucketIsReportedAsTheProblem() {
        try (S3ArtifactStore missing = s3.store(s3.settings("no-such-bucket", "", tmp.resolve("c")))) {
            assertThat(missing.problem()).hasValueSatisfying(p -> assertThat(p).contains("no-such-bucket").contains("404"));
        }
    }
}
