package org.reelforge.provider.veo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ClipGenerator.ClipRequest;
import org.reelforge.provider.ClipGenerator.Poll;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ProviderException.Kind;
import org.reelforge.provider.http.ErrorBodies;
import org.reelforge.provider.http.AccessToken;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.Language;
import org.reelforge.video.VideoId;

class VertexVeoClipGeneratorIT {
    private static final String TOKEN = "ya29.test-token";
    private static final String MODEL = "veo-3.1-fast-generate-001";
    private static final String MODEL_PATH = "/v1/projects/p1/locations/us-central1/publishers/google/models/" + MODEL;
    private static final String OP = "projects/p1/locations/us-central1/publishers/google/models/" + MODEL
            + "/operations/0f1e2d3c";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private VertexVeoClipGenerator vertex(Optional<String> bucket) {
        return new VertexVeoClipGenerator(new VertexVeoConfig(URI.create(api.baseUrl()), "p1", "us-central1",
                AccessToken.fixed(new Secret(TOKEN)), MODEL, org.reelforge.provider.replica.Models.clip("vertex", MODEL), bucket, URI.create(api.baseUrl()), HttpTimeouts.ofSeconds(2, 5)));
    }

    private static ClipRequest request(Optional<String> extendFrom) {
        return new ClipRequest(new VideoId("vid_20260201_203648_k3f9"), 2, 8, "A lighthouse in a storm", "", false,
                Language.EN, extendFrom, null);
    }

    private static void stubFetch(String body) {
        api.stubFor(post(urlEqualTo(MODEL_PATH + ":fetchPredictOperation"))
                .withRequestBody(equalToJson("{\"operationName\":\"" + OP + "\"}")).willReturn(okJson(body)));
    }

    @Test
    void aTokenFileRefreshedByAnotherProgramIsPickedUpWithoutARestart(@TempDir Path tokens) throws Exception {
        api.stubFor(post(urlEqualTo(MODEL_PATH + ":predictLongRunning")).willReturn(okJson("{\"name\":\"" + OP + "\"}")));
        Path file = tokens.resolve("token");
        Files.writeString(file, "ya29.first\n");
        VertexVeoClipGenerator vertex = VertexVeoClipGenerator.fromEnvironment(Map.of("REELFORGE_VERTEX_PROJECT", "p1",
                "REELFORGE_VERTEX_ACCESS_TOKEN_FILE", file.toString(), "REELFORGE_VERTEX_BASE_URL", api.baseUrl()), MODEL, org.reelforge.provider.replica.Models.clips("vertex")).orElseThrow();

        vertex.submit(request(Optional.empty()));
        Path fresh = tokens.resolve("token.tmp");
        Files.writeString(fresh, "ya29.second");
        Files.setLastModifiedTime(fresh, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Files.move(fresh, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        vertex.submit(request(Optional.empty()));

        api.verify(1, postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning")).withHeader("Authorization", equalTo("Bearer ya29.first")));
        api.verify(1, postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning")).withHeader("Authorization", equalTo("Bearer ya29.second")));
    }

    @Test
    void submitUsesTheBearerTokenAndAsksForOneSampleWithAudio() {
        api.stubFor(post(urlEqualTo(MODEL_PATH + ":predictLongRunning")).willReturn(okJson("{\"name\":\"" + OP + "\"}")));

        String operation = vertex(Optional.of("gs://bucket/clips")).submit(request(Optional.empty())).operationName();

        assertThat(OperationHandle.parse(operation).name()).isEqualTo(OP);
        api.verify(postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.parameters.aspectRatio", equalTo("9:16")))
                .withRequestBody(matchingJsonPath("$.parameters.sampleCount", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.parameters.storageUri", equalTo("gs://bucket/clips"))));
    }

    @Test
    void finishedOperationInABucketIsDownloadedThroughCloudStorage() throws Exception {
        stubFetch("""
                {"name":"%s","done":true,"response":{"@type":"type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse",
                 "raiMediaFilteredCount":0,"videos":[{"gcsUri":"gs://bucket/clips/123/sample_0.mp4","mimeType":"video/mp4"}]}}
                """.formatted(OP));
        api.stubFor(get(urlEqualTo("/storage/v1/b/bucket/o/clips%2F123%2Fsample_0.mp4?alt=media"))
                .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(new byte[] {1, 2, 3})));
        Path target = dir.resolve("clip.mp4");

        vertex(Optional.of("gs://bucket/clips")).download(OP, target);

        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        api.verify(getRequestedFor(urlEqualTo("/storage/v1/b/bucket/o/clips%2F123%2Fsample_0.mp4?alt=media"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void inlineVideoBytesAreDecodedToTheTarget() throws Exception {
        byte[] video = "fake mp4 bytes".getBytes(StandardCharsets.UTF_8);
        stubFetch("""
                {"name":"%s","done":true,"response":{"videos":[{"bytesBase64Encoded":"%s","mimeType":"video/mp4"}]}}
                """.formatted(OP, Base64.getEncoder().encodeToString(video)));
        Path target = dir.resolve("clip.mp4");

        VertexVeoClipGenerator vertex = vertex(Optional.empty());
        assertThat(vertex.poll(OP)).isInstanceOf(Poll.Done.class);
        vertex.download(OP, target);

        assertThat(Files.readAllBytes(target)).isEqualTo(video);
    }

    @Test
    void runningOperationIsRunning() {
        stubFetch("{\"name\":\"" + OP + "\"}");

        assertThat(vertex(Optional.empty()).poll(OP)).isInstanceOf(Poll.Running.class);
    }

    @Test
    void raiFilteredResultIsRefused() {
        stubFetch("""
                {"name":"%s","done":true,"response":{"raiMediaFilteredCount":1,"raiMediaFilteredReasons":[
                 "The prompt could not be submitted. This prompt contains sensitive words that violate Google's \
                Responsible AI practices. Support codes: 58061214"]}}""".formatted(OP));

        assertThat(vertex(Optional.empty()).poll(OP)).isInstanceOfSatisfying(Poll.Failed.class, f -> {
            assertThat(f.error().kind()).isEqualTo(Kind.REFUSED);
            assertThat(f.error().category()).isEqualTo(ErrorCategory.USAGE_GUIDELINES);
        });
    }

    @Test
    void extensionOfABucketVideoSendsItsGcsUri() {
        api.stubFor(post(urlEqualTo(MODEL_PATH + ":predictLongRunning")).willReturn(okJson("{\"name\":\"" + OP + "\"}")));

        vertex(Optional.of("gs://bucket/clips")).submit(request(Optional.of("gs://bucket/clips/1/sample_0.mp4#length=8000")));

        api.verify(postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning"))
                .withRequestBody(matchingJsonPath("$.instances[0].video.gcsUri", equalTo("gs://bucket/clips/1/sample_0.mp4"))));
    }

    @Test
    void eachExtensionAsksForTheSevenSecondsItAddsAndItsPartStartsWhereThePreviousVideoEnds() {
        VertexVeoClipGenerator g = vertex(Optional.of("gs://bucket/clips"));
        api.stubFor(post(urlEqualTo(MODEL_PATH + ":predictLongRunning")).willReturn(okJson("{\"name\":\"" + OP + "\"}")));
        String done = "{\"name\":\"" + OP + "\",\"done\":true,\"response\":{\"videos\":[{\"gcsUri\":\"gs://bucket/clips/x.mp4\","
                + "\"mimeType\":\"video/mp4\"}]}}";
        stubFetch(done);

        ClipGenerator.Submitted first = g.submit(request(Optional.empty()));
        Poll.Done firstDone = (Poll.Done) g.poll(first.operationName());
        ClipRequest second = new ClipRequest(new VideoId("vid_20260201_203648_k3f9"), 2, 7, "The storm clears", "", false,
                Language.EN, Optional.of(firstDone.resultRef()), null);
        ClipGenerator.Submitted extension = g.submit(second);
        Poll.Done secondDone = (Poll.Done) g.poll(extension.operationName());
        ClipGenerator.Submitted third = g.submit(new ClipRequest(new VideoId("vid_20260201_203648_k3f9"), 3, 7, "Dawn", "",
                false, Language.EN, Optional.of(secondDone.resultRef()), null));
        Poll.Done thirdDone = (Poll.Done) g.poll(third.operationName());

        assertThat(firstDone.offsetMillis()).isZero();
        assertThat(secondDone.offsetMillis()).isEqualTo(8_000);
        assertThat(thirdDone.offsetMillis()).isEqualTo(15_000);
        assertThat(extension.call()).isEqualTo(new ProviderCall(MODEL + "@720p", "clip", 7, "second"));
        api.verify(1, postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning"))
                .withRequestBody(matchingJsonPath("$.parameters.durationSeconds", equalTo("8"))));
        api.verify(2, postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning"))
                .withRequestBody(matchingJsonPath("$.parameters.durationSeconds", equalTo("7"))));
    }

    @Test
    void anExtendPlanBeyondVertexLimitsIsRefusedBeforeTheFirstSubmit() {
        assertThatThrownBy(() -> vertex(Optional.empty()).checkPlan(List.of(8, 7, 7, 7, 7, 7, 7), ClipStrategy.EXTEND))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("37 s", "needs 50 s");
                });
        api.verify(0, postRequestedFor(urlEqualTo(MODEL_PATH + ":predictLongRunning")));
    }

    @Test
    void expiredOperationFailsPermanent() {
        api.stubFor(post(urlEqualTo(MODEL_PATH + ":fetchPredictOperation")).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":{\"code\":404,\"message\":\"Operation not found\",\"status\":\"NOT_FOUND\"}}")));

        assertThat(vertex(Optional.empty()).poll(OP)).isInstanceOfSatisfying(Poll.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(Kind.PERMANENT));
    }

    @ParameterizedTest(name = "submit answered {0} is {1}")
    @CsvSource({"429, RATE_LIMITED", "500, TRANSIENT", "503, TRANSIENT", "400, PERMANENT", "403, PERMANENT"})
    void submitFailuresAreClassified(int status, Kind kind) {
        String body = switch (status) {
            case 429 -> ErrorBodies.GOOGLE_RESOURCE_EXHAUSTED;
            case 500 -> ErrorBodies.GOOGLE_INTERNAL;
            case 503 -> ErrorBodies.GOOGLE_UNAVAILABLE;
            case 400 -> ErrorBodies.GOOGLE_GENERATE_AUDIO_UNSUPPORTED;
            default -> "{\"error\":{\"code\":403,\"message\":\"Permission denied\",\"status\":\"PERMISSION_DENIED\"}}";
        };
        api.stubFor(post(urlEqualTo(MODEL_PATH + ":predictLongRunning")).willReturn(aResponse().withStatus(status).withBody(body)));

        assertThatThrownBy(() -> vertex(Optional.empty()).submit(request(Optional.empty())))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.getMessage()).doesNotContain(TOKEN);
                });
    }

    @Test
    void malformedResetAndSlowRepliesAreTransient() {
        String start = MODEL_PATH + ":predictLongRunning";
        VertexVeoClipGenerator impatient = new VertexVeoClipGenerator(new VertexVeoConfig(URI.create(api.baseUrl()), "p1",
                "us-central1", AccessToken.fixed(new Secret(TOKEN)), MODEL, org.reelforge.provider.replica.Models.clip("vertex", MODEL), Optional.empty(), URI.create(api.baseUrl()),
                HttpTimeouts.of(Duration.ofMillis(500), Duration.ofMillis(300))));
        List<ResponseDefinitionBuilder> replies = List.of(okJson("{\"name\":\"projects/p1/loc"),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                okJson("{\"name\":\"" + OP + "\"}").withFixedDelay(1_500));

        for (ResponseDefinitionBuilder reply : replies) {
            api.stubFor(post(urlEqualTo(start)).willReturn(reply));
            assertThatThrownBy(() -> impatient.submit(request(Optional.empty())))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
        }
    }

    @Test
    void isBuiltFromTheEnvironmentOnlyWithProjectAndToken() {
        assertThat(VertexVeoClipGenerator.fromEnvironment(Map.of("REELFORGE_VERTEX_PROJECT", "p"), MODEL, org.reelforge.provider.replica.Models.clips("vertex"))).isEmpty();
        assertThat(VertexVeoConfig.fromEnvironment(Map.of("REELFORGE_VERTEX_PROJECT", "p",
                "REELFORGE_VERTEX_ACCESS_TOKEN", "t", "REELFORGE_VERTEX_LOCATION", "europe-west4"), MODEL, org.reelforge.provider.replica.Models.clips("vertex")))
                .hasValueSatisfying(c -> {
                    assertThat(c.baseUrl()).isEqualTo(URI.create("https://europe-west4-aiplatform.googleapis.com"));
                    assertThat(c.toString()).doesNotContain("=t,");
                });
    }
}
