package org.reelforge.provider.omni;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.catalog.CatalogModel;
import org.reelforge.catalog.ModelCatalog;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.Probe;
import org.reelforge.provider.ClipGenerator.ClipRequest;
import org.reelforge.provider.ClipGenerator.Poll;
import org.reelforge.provider.ClipGenerator.Submitted;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ProviderException.Kind;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;
import org.reelforge.provider.replica.InteractionsReplica;
import org.reelforge.provider.replica.InteractionsServer;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.Language;
import org.reelforge.video.VideoId;

class OmniClipGeneratorIT {
    static final String KEY = "AIza-omni-test-key-0123456789";
    static final String MODEL = "gemini-omni-1.1-flash";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path shared;
    static InteractionsServer service;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        service = InteractionsServer.start(shared, 1, Set.of(MODEL));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void reset() {
        service.server().resetRequests();
        service.server().listAllStubMappings().getMappings().stream().filter(m -> m.getPriority() == null || m.getPriority() < 10)
                .forEach(m -> service.server().removeStub(m));
    }

    static OmniClipGenerator omni(String baseUrl) {
        CatalogModel model = ModelCatalog.bundled().find("gemini-api", MODEL).orElseThrow();
        return new OmniClipGenerator(OmniConfig.gemini(URI.create(baseUrl), "v1beta", new Secret(KEY), model.clip().orElseThrow(),
                model.tokensPerSecond(), HttpTimeouts.ofSeconds(2, 10)));
    }

    private static OmniClipGenerator omni() {
        return omni(service.baseUrl());
    }

    static ClipRequest request(int block, int seconds, String prompt, Optional<String> extendFrom) {
        return new ClipRequest(new VideoId("vid_20261201_100000_omni"), block, seconds, prompt, "Voici le volcan.", true,
                Language.FR, extendFrom, null, "720p", "9:16", Optional.empty(), Optional.empty());
    }

    private static Poll.Done waitDone(OmniClipGenerator g, String operation) {
        for (int i = 0; i < 10; i++) {
            Poll p = g.poll(operation);
            if (p instanceof Poll.Done done) {
                return done;
            }
            assertThat(p).isInstanceOf(Poll.Running.class);
        }
        throw new AssertionError(operation + " never finished");
    }

    private static JsonNode body(LoggedRequest r) throws Exception {
        return JSON.readTree(r.getBodyAsString());
    }

    @Test
    void aClipIsCreatedInTheBackgroundPolledUntilCompletedAndDownloadedFromItsUri() throws Exception {
        OmniClipGenerator g = omni();
        Submitted s = g.submit(request(1, 6, "Orange lava flows down a black slope", Optional.empty()));

        assertThat(g.poll(s.operationName())).isInstanceOf(Poll.Running.class);
        Poll.Done done = waitDone(g, s.operationName());
        Path clip = dir.resolve("clip.mp4");
        g.download(s.operationName(), clip);

        LoggedRequest create = service.server().findAll(postRequestedFor(urlEqualTo("/v1beta/interactions"))).get(0);
        JsonNode body = body(create);
        assertThat(create.getHeader("Api-Revision")).isEqualTo("2026-05-20");
        assertThat(create.getHeader("x-goog-api-key")).isEqualTo(KEY);
        assertThat(body.path("model").asText()).isEqualTo(MODEL);
        assertThat(body.path("background").asBoolean()).isTrue();
        assertThat(body.path("store").asBoolean()).isTrue();
        assertThat(body.path("response_format").toString())
                .isEqualTo("{\"type\":\"video\",\"aspect_ratio\":\"9:16\",\"resolution\":\"720p\",\"delivery\":\"uri\"}");
        assertThat(body.path("generation_config").path("video_config").path("task").asText()).isEqualTo("text_to_video");
        String prompt = body.path("input").get(0).path("text").asText();
        assertThat(prompt).contains("shot of 6 seconds", "Orange lava", "\"Voici le volcan.\"", "No subtitles");
        assertThat(body.has("temperature")).isFalse();

        assertThat(Probe.of(Ffmpeg.onPath(), clip).durationMillis()).isBetween(5_900L, 6_200L);
        assertThat(done.offsetMillis()).isZero();
        assertThat(done.calls()).containsExactly(new ProviderCall(MODEL + "@720p", "clip", 6 * 5792, "output_token",
                "usage: 310 input, 34752 video output tokens; model " + MODEL, true));
        assertThat(s.call()).isEqualTo(new ProviderCall(MODEL + "@720p", "clip", 6 * 5792, "output_token"));
        List<LoggedRequest> cdn = service.server().findAll(getRequestedFor(urlMatching("/cdn/.*")));
        assertThat(cdn).hasSize(1).allSatisfy(r -> assertThat(r.getHeader("x-goog-api-key")).isNull());
    }

    @Test
    void anInlineVideoIsAcceptedEvenWhenAUriWasAsked() throws Exception {
        byte[] mp4 = Files.readAllBytes(writeReplicaClip());
        service.server().stubFor(post(urlEqualTo("/v1beta/interactions")).willReturn(okJson(
                "{\"id\":\"v1_inline\",\"status\":\"in_progress\"}")));
        service.server().stubFor(get(urlEqualTo("/v1beta/interactions/v1_inline")).willReturn(okJson("""
                {"id":"v1_inline","status":"completed","steps":[{"type":"user_input","content":[{"type":"text","text":"x"}]},
                 {"type":"model_output","content":[{"type":"video","mime_type":"video/mp4","data":"%s"}]}],
                 "usage":{"total_output_tokens":23168}}""".formatted(Base64.getEncoder().encodeToString(mp4)))));
        OmniClipGenerator g = omni();
        Submitted s = g.submit(request(1, 4, "A calm lake", Optional.empty()));

        Poll.Done done = waitDone(g, s.operationName());
        Path clip = dir.resolve("inline.mp4");
        g.download(s.operationName(), clip);

        assertThat(Files.readAllBytes(clip)).isEqualTo(mp4);
        assertThat(done.calls()).extracting(ProviderCall::units).containsExactly(23168.0);
    }

    private Path writeReplicaClip() throws Exception {
        Path p = dir.resolve("four.mp4");
        Files.write(p, new org.reelforge.provider.replica.ReplicaClips(dir).apply(4));
        return p;
    }

    @Test
    void a429WithRetryInfoIsRateLimitedForTheDelayItGives() {
        service.server().stubFor(post(urlEqualTo("/v1beta/interactions")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody("""
                {"error":{"code":"429","message":"You exceeded your current quota. Please retry in 23.47s.",
                 "status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"23s"}]}}""")));

        assertThatThrownBy(() -> omni().submit(request(1, 6, "A calm lake", Optional.empty())))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(23));
                    assertThat(e.getMessage()).doesNotContain(KEY);
                });
    }

    @Test
    void aBadFieldIsAPermanentErrorThatNamesIt() {
        OmniClipGenerator g = omni();
        ClipRequest square = new ClipRequest(new VideoId("vid_20261201_100000_omni"), 1, 6, "A lake", "x", true, Language.EN,
                Optional.empty(), null, "720p", "9:16", Optional.empty(), Optional.empty());
        service.server().stubFor(post(urlEqualTo("/v1beta/interactions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(
                "{\"error\":{\"code\":400,\"message\":\"* response_format.resolution: unsupported value \\\"720p\\\".\",\"status\":\"INVALID_ARGUMENT\"}}")));

        assertThatThrownBy(() -> g.submit(square)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(e.getMessage()).contains("HTTP 400", "INVALID_ARGUMENT", "response_format.resolution");
        });
    }

    @Test
    void aResolutionTheModelDoesNotOfferIsRefusedBeforeAnyRequest() {
        ClipRequest eightK = new ClipRequest(new VideoId("vid_20261201_100000_omni"), 1, 6, "A lake", "x", true, Language.EN,
                Optional.empty(), null, "8k", "9:16", Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> omni().submit(eightK)).hasMessageContaining("resolution 8k")
                .hasMessageContaining("360p, 720p, 1080p, 4k");
        assertThat(service.server().findAll(postRequestedFor(urlEqualTo("/v1beta/interactions")))).isEmpty();
    }

    @Test
    void aSafetyFailureIsARefusalThatSaysWhy() {
        OmniClipGenerator g = omni();
        Submitted s = g.submit(request(1, 6, "REFUSE_ME a scene", Optional.empty()));
        g.poll(s.operationName());

        Poll p = g.poll(s.operationName());
        assertThat(p).isInstanceOfSatisfying(Poll.Failed.class, f -> {
            assertThat(f.error().kind()).isEqualTo(Kind.REFUSED);
            assertThat(f.error().category()).isEqualTo(ErrorCategory.USAGE_GUIDELINES);
            assertThat(f.error().getMessage()).contains("blocked by safety filters", "You have not been charged");
        });
    }

    @Test
    void completedWithoutAVideoIsARefusalCarryingTheModelsWords() {
        OmniClipGenerator g = omni();
        Submitted s = g.submit(request(1, 6, "SILENT_REFUSAL a scene", Optional.empty()));
        g.poll(s.operationName());

        assertThat(g.poll(s.operationName())).isInstanceOfSatisfying(Poll.Failed.class, f -> {
            assertThat(f.error().kind()).isEqualTo(Kind.REFUSED);
            assertThat(f.error().getMessage()).contains("completed without a video", "I can't create that video.");
        });
    }

    @Test
    void everyOtherTerminalStatusFailsWithItsOwnKind() {
        String[][] cases = {{"incomplete", "TRANSIENT"}, {"cancelled", "TRANSIENT"}, {"budget_exceeded", "PERMANENT"},
                {"requires_action", "PERMANENT"}};
        for (String[] c : cases) {
            service.server().stubFor(get(urlEqualTo("/v1beta/interactions/v1_" + c[0])).willReturn(okJson(
                    "{\"id\":\"v1_" + c[0] + "\",\"status\":\"" + c[0] + "\",\"errors\":[{\"code\":13,\"message\":\"stopped\"}]}")));
            assertThat(omni().poll("v1_" + c[0] + "#chain=6")).as(c[0]).isInstanceOfSatisfying(Poll.Failed.class,
                    f -> assertThat(f.error().kind().name()).isEqualTo(c[1]));
        }
        service.server().stubFor(get(urlEqualTo("/v1beta/interactions/v1_quota")).willReturn(okJson(
                "{\"id\":\"v1_quota\",\"status\":\"failed\",\"errors\":[{\"code\":\"RESOURCE_EXHAUSTED\",\"message\":\"quota\"}]}")));
        assertThat(omni().poll("v1_quota")).isInstanceOfSatisfying(Poll.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(Kind.RATE_LIMITED));
    }

    @Test
    void anInteractionCreatedBeforeARestartIsFoundByPollingItsName() {
        String operation = omni().submit(request(1, 4, "A calm lake", Optional.empty())).operationName();

        OmniClipGenerator afterRestart = omni();
        waitDone(afterRestart, operation);
        afterRestart.download(operation, dir.resolve("after.mp4"));

        assertThat(service.server().findAll(postRequestedFor(urlEqualTo("/v1beta/interactions")))).hasSize(1);
        assertThat(dir.resolve("after.mp4")).isNotEmptyFile();
        assertThat(omni().poll("v1_never_made")).isInstanceOfSatisfying(Poll.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(Kind.PERMANENT));
    }

    @Test
    void anExtensionContinuesThePreviousInteractionWithinTheFortySecondLimit() throws Exception {
        OmniClipGenerator g = omni();
        String first = g.submit(request(1, 10, "A presenter by a volcano", Optional.empty())).operationName();
        Poll.Done done = waitDone(g, first);
        String second = g.submit(request(2, 10, "She points at the lava", Optional.of(done.resultRef()))).operationName();
        Poll.Done extended = waitDone(g, second);

        JsonNode body = body(service.server().findAll(postRequestedFor(urlEqualTo("/v1beta/interactions"))).get(1));
        assertThat(body.path("previous_interaction_id").asText()).isEqualTo(first.substring(0, first.indexOf('#')));
        assertThat(body.path("generation_config").path("video_config").path("task").asText()).isEqualTo("extend");
        assertThat(body.path("input").get(0).path("text").asText()).startsWith("Extend this video");
        assertThat(body.path("response_format").path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(extended.resultRef()).endsWith("#chain=20");

        String third = g.submit(request(3, 10, "x", Optional.of(extended.resultRef()))).operationName();
        String fourth = g.submit(request(4, 10, "x", Optional.of(waitDone(g, third).resultRef()))).operationName();
        Poll.Done forty = waitDone(g, fourth);
        int before = service.server().findAll(postRequestedFor(urlEqualTo("/v1beta/interactions"))).size();
        assertThatThrownBy(() -> g.submit(request(5, 3, "x", Optional.of(forty.resultRef()))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("40 s to 43 s", "new chain from a first frame");
                });
        assertThat(service.server().findAll(postRequestedFor(urlEqualTo("/v1beta/interactions")))).hasSize(before);
    }

    @Test
    void aFirstFrameAndAReferenceImageTravelAsTaggedImageBlocks() throws Exception {
        Path png = dir.resolve("frame.png");
        Ffmpeg.onPath().ffmpeg("make a frame", dir, List.of("-y", "-f", "lavfi", "-i", "color=c=red:s=72x128:d=1",
                "-frames:v", "1", png.toString()));
        ClipRequest anchored = new ClipRequest(new VideoId("vid_20261201_100000_omni"), 2, 6, "Same presenter", "Bonjour.",
                true, Language.FR, Optional.empty(), null, "720p", "9:16", Optional.of(png), Optional.empty());
        ClipRequest chained = new ClipRequest(new VideoId("vid_20261201_100000_omni"), 6, 6, "Next", "Bonjour.",
                true, Language.FR, Optional.empty(), null, "720p", "9:16", Optional.empty(), Optional.of(png));
        omni().submit(anchored);
        omni().submit(chained);

        List<LoggedRequest> creates = service.server().findAll(postRequestedFor(urlEqualTo("/v1beta/interactions")));
        JsonNode a = body(creates.get(0));
        assertThat(a.path("input").get(0).path("type").asText()).isEqualTo("image");
        assertThat(a.path("input").get(0).path("mime_type").asText()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(a.path("input").get(0).path("data").asText())).isEqualTo(Files.readAllBytes(png));
        assertThat(a.path("input").get(1).path("text").asText()).contains("<IMAGE_REF_0>");
        assertThat(a.path("generation_config").path("video_config").path("task").asText()).isEqualTo("reference_to_video");
        JsonNode c = body(creates.get(1));
        assertThat(c.path("input").get(1).path("text").asText()).contains("<FIRST_FRAME>");
        assertThat(c.path("generation_config").path("video_config").path("task").asText()).isEqualTo("image_to_video");
    }

    @Test
    void aPlanWithABlockOutsideThreeToTenSecondsIsRefusedBeforeAnything() {
        assertThatThrownBy(() -> omni().checkPlan(List.of(8, 12, 6), ClipStrategy.PARALLEL))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("block 2 lasts 12 s", "3–10 s");
                });
        omni().checkPlan(List.of(10, 10, 10, 10, 10, 3), ClipStrategy.EXTEND);
    }

    @Test
    void theApiVersionIsConfigurable() {
        CatalogModel model = ModelCatalog.bundled().find("gemini-api", MODEL).orElseThrow();
        OmniClipGenerator v1 = new OmniClipGenerator(OmniConfig.gemini(URI.create(service.baseUrl()), "v1", new Secret(KEY),
                model.clip().orElseThrow(), model.tokensPerSecond(), HttpTimeouts.ofSeconds(2, 10)));
        v1.submit(request(1, 4, "A calm lake", Optional.empty()));
        assertThat(service.server().findAll(postRequestedFor(urlEqualTo("/v1/interactions")))).hasSize(1);
        assertThat(service.server().findAll(postRequestedFor(urlEqualTo("/v1/interactions")).withHeader("Api-Revision",
                equalTo(OmniConfig.API_REVISION)))).hasSize(1);
    }

    @Test
    void theReplicaCountsEveryPaidCreate() {
        int before = service.replica().creates();
        omni().submit(request(1, 4, "A calm lake", Optional.empty()));
        assertThat(service.replica().creates()).isEqualTo(before + 1);
        assertThat(InteractionsReplica.TOKENS_PER_SECOND).isEqualTo(5792);
    }
}
