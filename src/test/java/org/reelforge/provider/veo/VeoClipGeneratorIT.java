package org.reelforge.provider.veo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reelforge.provider.ClipGenerator.ClipRequest;
import org.reelforge.provider.ClipGenerator.Poll;
import org.reelforge.provider.ClipGenerator.Submitted;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ProviderException.Kind;
import org.reelforge.provider.http.ErrorBodies;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.Language;
import org.reelforge.video.VideoId;

class VeoClipGeneratorIT {
    private static final String KEY = "AIza-test-key-0123456789";
    private static final String MODEL = "veo-3.1-fast-generate-preview";
    private static final String START = "/v1beta/models/" + MODEL + ":predictLongRunning";
    private static final String OP = "models/" + MODEL + "/operations/3yudfuwjdznj";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension storage = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private VeoClipGenerator veo() {
        return veo(HttpTimeouts.ofSeconds(2, 5));
    }

    private VeoClipGenerator veo(HttpTimeouts timeouts) {
        return new VeoClipGenerator(new VeoConfig(URI.create(api.baseUrl()), new Secret(KEY), MODEL, org.reelforge.provider.replica.Models.clip("gemini-api", MODEL), timeouts));
    }

    private static ClipRequest request(int seconds, boolean withSpeech, Optional<String> extendFrom) {
        return new ClipRequest(new VideoId("vid_20260201_203648_k3f9"), 1, seconds, "A robot waters a bonsai at dawn",
                withSpeech ? "L'intelligence artificielle apprend vite." : "", withSpeech, Language.FR, extendFrom, null);
    }

    private static void stubStart() {
        api.stubFor(post(urlEqualTo(START)).willReturn(okJson("{\"name\":\"" + OP + "\"}")));
    }

    private static String done(String uri) {
        return """
                {"name":"%s","done":true,"response":{"@type":"type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse",
                 "generateVideoResponse":{"generatedSamples":[{"video":{"uri":"%s"}}]}}}""".formatted(OP, uri);
    }

    @Test
    void submitSendsAPortraitRequestWithTheKeyInAHeaderAndNoUnsupportedField() {
        stubStart();

        Submitted submitted = veo().submit(request(6, true, Optional.empty()));

        assertThat(OperationHandle.parse(submitted.operationName()).name()).isEqualTo(OP);
        assertThat(submitted.call()).isEqualTo(new ProviderCall(MODEL + "@720p", "clip", 6, "second"));
        api.verify(postRequestedFor(urlEqualTo(START))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withRequestBody(matchingJsonPath("$.parameters.aspectRatio", equalTo("9:16")))
                .withRequestBody(matchingJsonPath("$.parameters.durationSeconds", equalTo("6")))
                .withRequestBody(matchingJsonPath("$.parameters.resolution", equalTo("720p")))
                .withRequestBody(matchingJsonPath("$.instances[0].prompt", containing("A robot waters a bonsai")))
                .withRequestBody(matchingJsonPath("$.instances[0].prompt", containing("L'intelligence artificielle apprend vite.")))
                .withRequestBody(notContaining("generateAudio"))
                .withRequestBody(notContaining("numberOfVideos"))
                .withRequestBody(notContaining("seed"))
                .withRequestBody(notContaining("\"video\"")));
        assertThat(api.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getUrl()).doesNotContain(KEY));
    }

    @Test
    void narratedClipAsksThatNobodySpeaks() {
        stubStart();

        veo().submit(request(8, false, Optional.empty()));

        api.verify(postRequestedFor(urlEqualTo(START))
                .withRequestBody(matchingJsonPath("$.instances[0].prompt", containing("Nobody speaks"))));
    }

    @Test
    void pollReportsRunningUntilTheOperationIsDone() {
        String pending = "pending";
        api.stubFor(get(urlEqualTo("/v1beta/" + OP)).inScenario("op").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"name\":\"" + OP + "\"}")).willSetStateTo(pending));
        api.stubFor(get(urlEqualTo("/v1beta/" + OP)).inScenario("op").whenScenarioStateIs(pending)
                .willReturn(okJson("{\"name\":\"" + OP + "\",\"done\":false}")).willSetStateTo("finished"));
        api.stubFor(get(urlEqualTo("/v1beta/" + OP)).inScenario("op").whenScenarioStateIs("finished")
                .willReturn(okJson(done("https://generativelanguage.googleapis.com/v1beta/files/abc:download?alt=media"))));
        stubStart();
        VeoClipGenerator veo = veo();
        String operation = veo.submit(request(8, true, Optional.empty())).operationName();

        assertThat(veo.poll(operation)).isInstanceOf(Poll.Running.class);
        assertThat(veo.poll(operation)).isInstanceOf(Poll.Running.class);
        Poll last = veo.poll(operation);

        assertThat(last).isInstanceOfSatisfying(Poll.Done.class, d -> {
            assertThat(VideoRef.parse(d.resultRef()).uri())
                    .isEqualTo("https://generativelanguage.googleapis.com/v1beta/files/abc:download?alt=media");
            assertThat(d.offsetMillis()).isZero();
        });
        api.verify(3, getRequestedFor(urlEqualTo("/v1beta/" + OP)).withHeader("x-goog-api-key", equalTo(KEY)));
    }

    @Test
    void raiFilteredOperationIsRefusedForUsageGuidelines() {
        api.stubFor(get(urlEqualTo("/v1beta/" + OP)).willReturn(okJson("""
                {"name":"%s","done":true,"response":{"generateVideoResponse":{"raiMediaFilteredCount":1,
                 "raiMediaFilteredReasons":["We encountered an issue with the audio for your prompt, which means we \
                could not create your video. Please try rephrasing your prompt. You have not been charged for this attempt."]}}}
                """.formatted(OP))));

        Poll poll = veo().poll(OP);

        assertThat(poll).isInstanceOfSatisfying(Poll.Failed.class, f -> {
            assertThat(f.error().kind()).isEqualTo(Kind.REFUSED);
            assertThat(f.error().category()).isEqualTo(ErrorCategory.USAGE_GUIDELINES);
            assertThat(f.error().getMessage()).contains("issue with the audio");
        });
    }

    @Test
    void raiFilteredOperationForThirdPartyContentSaysSo() {
        api.stubFor(get(urlEqualTo("/v1beta/" + OP)).willReturn(okJson("""
                {"name":"%s","done":true,"response":{"generateVideoResponse":{"raiMediaFilteredCount":1,
                 "raiMediaFilteredReasons":["Your current prompt may violate our guidelines around the interests of \
                third-party content providers. Support codes: 35561574"]}}}""".formatted(OP))));

        Poll poll = veo().poll(OP);

        assertThat(poll).isInstanceOfSatisfying(Poll.Failed.class, f -> {
            assertThat(f.error().kind()).isEqualTo(Kind.REFUSED);
            assertThat(f.error().category()).isEqualTo(ErrorCategory.THIRD_PARTY_CONTENT);
        });
    }

    @Test
    void operationDoneWithAnErrorFailsTransient() {
        api.stubFor(get(urlEqualTo("/v1beta/" + OP)).willReturn(okJson("""
                {"name":"%s","done":true,"error":{"code":13,"message":"Internal error while generating the video."}}
                """.formatted(OP))));

        Poll poll = veo().poll(OP);

        assertThat(poll).isInstanceOfSatisfying(Poll.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void operationDoneWithAnInvalidArgumentErrorFailsPermanent() {
        api.stubFor(get(urlEqualTo("/v1beta/" + OP)).willReturn(okJson("""
                {"name":"%s","done":true,"error":{"code":3,"message":"1080p is not supported for a duration of 6 seconds."}}
                """.formatted(OP))));

        assertThat(veo().poll(OP)).isInstanceOfSatisfying(Poll.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(Kind.PERMANENT));
    }

    @Test
    void expiredOperationFailsPermanent() {
        api.stubFor(get(urlEqualTo("/v1beta/" + OP)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":404,\"message\":\"Operation not found\",\"status\":\"NOT_FOUND\"}}")));

        assertThat(veo().poll(OP)).isInstanceOfSatisfying(Poll.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(Kind.PERMANENT));
    }

    @Test
    void pollThatCannotReachTheProviderThrowsInsteadOfFailingTheClip() {
        api.stubFor(get(urlEqualTo("/v1beta/" + OP)).willReturn(aResponse().withStatus(503)
                .withBody(ErrorBodies.GOOGLE_UNAVAILABLE)));

        assertThatThrownBy(() -> veo().poll(OP)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void downloadFollowsARedirectToAnotherHostWithoutSendingItTheKey() throws Exception {
        byte[] mp4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        String file = "/v1beta/files/abc:download?alt=media";
        api.stubFor(get(urlEqualTo("/v1beta/" + OP)).willReturn(okJson(done(api.baseUrl() + file))));
        api.stubFor(get(urlEqualTo(file)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", storage.baseUrl() + "/videos/abc.mp4?sig=xyz")));
        storage.stubFor(get(urlPathEqualTo("/videos/abc.mp4")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withBody(mp4)));
        Path target = dir.resolve("clip.mp4.part");

        veo().download(OP, target);

        assertThat(Files.readAllBytes(target)).isEqualTo(mp4);
        api.verify(getRequestedFor(urlEqualTo(file)).withHeader("x-goog-api-key", equalTo(KEY)));
        storage.verify(getRequestedFor(urlPathEqualTo("/videos/abc.mp4")).withoutHeader("x-goog-api-key"));
    }

    @Test
    void extensionSendsOnlyTheVideoUriAndReportsWhereTheNewPartStarts() {
        String firstUri = api.baseUrl() + "/v1beta/files/first:download?alt=media";
        String secondUri = api.baseUrl() + "/v1beta/files/second:download?alt=media";
        stubStart();
        api.stubFor(get(urlEqualTo("/v1beta/" + OP)).willReturn(okJson(done(firstUri))));
        VeoClipGenerator veo = veo();
        Poll.Done first = (Poll.Done) veo.poll(veo.submit(request(6, true, Optional.empty())).operationName());
        api.stubFor(get(urlEqualTo("/v1beta/" + OP)).willReturn(okJson(done(secondUri))));

        Submitted second = veo.submit(request(6, true, Optional.of(first.resultRef())));
        Poll.Done secondDone = (Poll.Done) veo.poll(second.operationName());
        Poll.Done thirdDone = (Poll.Done) veo.poll(veo.submit(request(6, true, Optional.of(secondDone.resultRef())))
                .operationName());

        assertThat(secondDone.offsetMillis()).isEqualTo(6_000);
        assertThat(thirdDone.offsetMillis()).isEqualTo(13_000);
        // asks for 8 s as this API documented, is billed for the 7 s an extension adds
        assertThat(second.call()).isEqualTo(new ProviderCall(MODEL + "@720p", "clip", 7, "second"));
        api.verify(postRequestedFor(urlEqualTo(START))
                .withRequestBody(matchingJsonPath("$.instances[0].video", equalToJson("{\"uri\":\"" + firstUri + "\"}")))
                .withRequestBody(matchingJsonPath("$.parameters.durationSeconds", equalTo("8"))));
    }

    @Test
    void unsupportedFieldIsPermanentWithTheProvidersMessage() {
        api.stubFor(post(urlEqualTo(START)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(ErrorBodies.GOOGLE_GENERATE_AUDIO_UNSUPPORTED)));

        assertThatThrownBy(() -> veo().submit(request(8, true, Optional.empty())))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("POST " + START).contains("INVALID_ARGUMENT")
                            .contains("`generateAudio` isn't supported");
                });
    }

    @Test
    void invalidKeyIsPermanentAndTheKeyAppearsNowhere() {
        api.stubFor(post(urlEqualTo(START)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(ErrorBodies.GOOGLE_API_KEY_INVALID)));
        VeoClipGenerator veo = veo();

        assertThatThrownBy(() -> veo.submit(request(8, true, Optional.empty())))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("API_KEY_INVALID").doesNotContain(KEY);
                });
        assertThat(veo.toString()).doesNotContain(KEY);
        assertThat(new VeoConfig(URI.create(api.baseUrl()), new Secret(KEY), MODEL, org.reelforge.provider.replica.Models.clip("gemini-api", MODEL), HttpTimeouts.ofSeconds(1, 1))
                .toString()).doesNotContain(KEY);
    }

    @Test
    void exhaustedQuotaIsRateLimitedForTheDelayGoogleAsks() {
        api.stubFor(post(urlEqualTo(START)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(ErrorBodies.GOOGLE_RESOURCE_EXHAUSTED)));

        assertThatThrownBy(() -> veo().submit(request(8, true, Optional.empty())))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(23));
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void serverErrorsAreTransient(int status) {
        api.stubFor(post(urlEqualTo(START)).willReturn(aResponse().withStatus(status)
                .withBody(status == 500 ? ErrorBodies.GOOGLE_INTERNAL : ErrorBodies.GOOGLE_UNAVAILABLE)));

        assertThatThrownBy(() -> veo().submit(request(8, true, Optional.empty())))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void malformedJsonIsTransient() {
        api.stubFor(post(urlEqualTo(START)).willReturn(okJson("{\"name\":\"models/x/oper")));

        assertThatThrownBy(() -> veo().submit(request(8, true, Optional.empty())))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
                    assertThat(e.getMessage()).contains("malformed JSON");
                });
    }

    @Test
    void replyWithoutAnOperationNameIsPermanent() {
        api.stubFor(post(urlEqualTo(START)).willReturn(okJson("{}")));

        assertThatThrownBy(() -> veo().submit(request(8, true, Optional.empty())))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));
    }

    @Test
    void connectionResetIsTransient() {
        api.stubFor(post(urlEqualTo(START)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> veo().submit(request(8, true, Optional.empty())))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void replySlowerThanTheTimeoutIsTransient() {
        api.stubFor(post(urlEqualTo(START)).willReturn(okJson("{\"name\":\"" + OP + "\"}").withFixedDelay(1_500)));
        VeoClipGenerator impatient = veo(HttpTimeouts.of(Duration.ofMillis(500), Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.submit(request(8, true, Optional.empty())))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
                    assertThat(e.getMessage()).contains("timeout");
                });
    }

    @Test
    void isBuiltFromTheEnvironmentOnlyWithAKey() {
        assertThat(VeoClipGenerator.fromEnvironment(Map.of(), MODEL, org.reelforge.provider.replica.Models.clips("gemini-api"))).isEmpty();
        assertThat(VeoClipGenerator.fromEnvironment(Map.of("REELFORGE_GEMINI_API_KEY", "k"), MODEL, org.reelforge.provider.replica.Models.clips("gemini-api")))
                .hasValueSatisfying(v -> assertThat(v.name()).isEqualTo("veo:" + MODEL));
        assertThat(VeoConfig.fromEnvironment(Map.of("REELFORGE_GEMINI_API_KEY", "k", "REELFORGE_VEO_MODEL", "veo-3.1-generate-preview",
                "REELFORGE_GEMINI_BASE_URL", "http://localhost:1"), MODEL, org.reelforge.provider.replica.Models.clips("gemini-api")))
                .hasValueSatisfying(c -> {
                    assertThat(c.model()).isEqualTo("veo-3.1-generate-preview");
                    assertThat(c.baseUrl()).isEqualTo(URI.create("http://localhost:1"));
                });
    }
}
