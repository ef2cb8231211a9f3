package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.account.Role;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.S3ArtifactStore;
import org.reelforge.artifact.TestS3;
import org.reelforge.video.VideoId;

/** A server whose files live on a real S3 server (S3Proxy): Range reads through the node, presigned redirects, readiness. */
class S3FilesIT {
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

    private record Library(S3ArtifactStore store, TestServer server, String token, VideoId video, byte[] mp4)
            implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            store.close();
        }
    }

    private Library library(Map<String, String> env) throws Exception {
        String bucket = s3.newBucket();
        S3ArtifactStore store = s3.store(s3.settings(bucket, "lib", dir.resolve("cache")));
        Map<String, String> all = new java.util.HashMap<>(s3.environment(bucket, "lib"));
        all.putAll(env);
        TestServer server = TestServer.withEnvironment(all);
        String token = server.token("erin", Role.USER);
        VideoId id = new VideoId(server.api.post("/api/videos", token, Map.of("theme", "Les volcans", "target_duration", 12))
                .json().path("video_id").asText());
        byte[] mp4 = new byte[250_000];
        new Random(3).nextBytes(mp4);
        store.put(ArtifactKey.finalVideo(id), Files.write(dir.resolve("final.mp4"), mp4));
        return new Library(store, server, token, id, mp4);
    }

    @Test
    void finalVideoOnS3IsServedWithHttpRangeThroughTheNode() throws Exception {
        try (Library lib = library(Map.of())) {
            String url = "/api/videos/" + lib.video().value() + "/final.mp4";

            HttpResponse<byte[]> part = lib.server().api.bytes(lib.server().api.request(url, lib.token())
                    .header("Range", "bytes=1000-1999").GET().build());
            HttpResponse<byte[]> whole = lib.server().api.bytes(lib.server().api.request(url, lib.token()).GET().build());
            HttpResponse<byte[]> past = lib.server().api.bytes(lib.server().api.request(url, lib.token())
                    .header("Range", "bytes=999999-").GET().build());

            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.headers().firstValue("Content-Range")).contains("bytes 1000-1999/250000");
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(lib.mp4(), 1000, 2000));
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(lib.mp4());
            assertThat(past.statusCode()).isEqualTo(416);
            assertThat(lib.server().api.get("/api/videos/" + lib.video().value() + "/thumbnail.jpg", lib.token()).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void withAPresignLifetimeTheNodeRedirectsToAShortLivedUrlThatServesTheRange() throws Exception {
        try (Library lib = library(Map.of(WebSettings.PRESIGN, "2m"))) {
            String url = "/api/videos/" + lib.video().value() + "/final.mp4";

            HttpResponse<byte[]> redirect = lib.server().api.bytes(lib.server().api.request(url, lib.token()).GET().build());
            assertThat(redirect.statusCode()).isEqualTo(302);
            URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
            assertThat(location.toString()).startsWith(s3.endpoint().toString()).contains("X-Amz-Expires=120");
            HttpResponse<byte[]> part = HttpClient.newHttpClient().send(HttpRequest.newBuilder(location)
                    .header("Range", "bytes=0-99").build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(lib.mp4(), 0, 100));
            assertThat(lib.server().api.get(url, null).status()).as("the caller is checked before any redirect").isEqualTo(401);
        }
    }

    @Test
    void readinessNamesTheArtifactStoreWhenItsBucketIsMissing() throws Exception {
        try (TestServer server = TestServer.withEnvironment(s3.environment("no-such-bucket", ""))) {
            ApiClient.Response r = server.api.get("/api/ready", null);

            assertThat(r.status()).isEqualTo(503);
            assertThat(r.json().path("checks").path("artifacts").path("ok").asBoolean()).isFalse();
            assertThat(r.json().path("checks").path("artifacts").path("detail").asText()).contains("no-such-bucket");
            assertThat(r.json().path("checks").path("database").path("ok").asBoolean()).isTrue();
        }
    }
}
