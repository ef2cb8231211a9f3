package org.reelforge.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ProviderException.Kind;
import org.reelforge.provider.ScriptWriter.RewrittenBlock;
import org.reelforge.provider.ScriptWriter.Written;
import org.reelforge.provider.http.ErrorBodies;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;
import org.reelforge.provider.llm.ScriptFixtures;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.Block;
import org.reelforge.video.Language;

class GeminiScriptWriterIT {
    private static final String KEY = "AIza-gemini-test-key";
    private static final String MODEL = "gemini-2.5-flash";
    private static final String PATH = "/v1beta/models/" + MODEL + ":generateContent";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private GeminiScriptWriter gemini() {
        return gemini(HttpTimeouts.ofSeconds(2, 5));
    }

    private GeminiScriptWriter gemini(HttpTimeouts timeouts) {
        return new GeminiScriptWriter(new GeminiConfig(URI.create(api.baseUrl()), new Secret(KEY), MODEL, org.reelforge.provider.replica.Models.text("gemini-api", MODEL), timeouts));
    }

    /** A generateContent reply carrying {@code text} as the JSON string of parts[0].text. */
    static String reply(String text, String finishReason) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode candidate = root.putArray("candidates").addObject();
        candidate.putObject("content").put("role", "model").putArray("parts").addObject().put("text", text);
        candidate.put("finishReason", finishReason).put("index", 0);
        root.putObject("usageMetadata").put("promptTokenCount", 120).put("candidatesTokenCount", 80)
                .put("thoughtsTokenCount", 30).put("totalTokenCount", 230);
        return root.put("modelVersion", MODEL).put("responseId", "r1").toString();
    }

    @Test
    void writesAValidatedScriptFromTheJsonStringOfTheFirstPart() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(reply(ScriptFixtures.script(6, 6), "STOP"))));

        Written written = gemini().write(ScriptFixtures.BRIEF);

        assertThat(written.script().title()).isEqualTo("L'IA en 36 secondes");
        assertThat(written.script().blocks()).hasSize(6);
        assertThat(written.calls()).containsExactly(
                new ProviderCall(MODEL, "script", 120, "input_token", "modelVersion gemini-2.5-flash", true),
                new ProviderCall(MODEL, "script", 110, "output_token", "modelVersion gemini-2.5-flash", true));
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseMimeType", equalTo("application/json")))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseSchema.type", equalTo("OBJECT")))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseSchema.properties.blocks.items.properties.on_screen_text.nullable", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.contents[0].parts[0].text", containing("Intelligence Artificielle")))
                .withRequestBody(matchingJsonPath("$.systemInstruction.parts[0].text", containing("4, 6 or 8"))));
    }

    @Test
    void invalidDurationsAreRepairedWithASecondCallThatNamesTheErrors() {
        String invalid = ScriptFixtures.script(6, 6).replace("\"duration\":6", "\"duration\":5");
        api.stubFor(post(urlEqualTo(PATH)).inScenario("repair").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(reply(invalid, "STOP"))).willSetStateTo("repaired"));
        api.stubFor(post(urlEqualTo(PATH)).inScenario("repair").whenScenarioStateIs("repaired")
                .willReturn(okJson(reply(ScriptFixtures.script(6, 6), "STOP"))));

        Written written = gemini().write(ScriptFixtures.BRIEF);

        assertThat(written.script().totalDurationSeconds()).isEqualTo(36);
        assertThat(written.calls()).hasSize(4);
        api.verify(2, postRequestedFor(urlEqualTo(PATH)));
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.contents[1].role", equalTo("model")))
                .withRequestBody(matchingJsonPath("$.contents[2].parts[0].text", containing("must be 4, 6 or 8 s for the video model (got 5)"))));
    }

    @Test
    void replyStillInvalidAfterTheRepairIsPermanent() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(reply("{\"title\":\"x\"}", "STOP"))));

        assertThatThrownBy(() -> gemini().write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("blocks must be a non-empty array");
                });
        api.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void replyCutOffAtMaxTokensIsRepaired() {
        api.stubFor(post(urlEqualTo(PATH)).inScenario("cut").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(reply("{\"title\":\"L'IA\",\"blocks\":[{\"ind", "MAX_TOKENS"))).willSetStateTo("again"));
        api.stubFor(post(urlEqualTo(PATH)).inScenario("cut").whenScenarioStateIs("again")
                .willReturn(okJson(reply(ScriptFixtures.script(6, 6), "STOP"))));

        assertThat(gemini().write(ScriptFixtures.BRIEF).script().blocks()).hasSize(6);
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.contents[2].parts[0].text", containing("cut off"))));
    }

    @Test
    void blockedPromptIsRefused() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("""
                {"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"},
                 "usageMetadata":{"promptTokenCount":120,"totalTokenCount":120},"modelVersion":"gemini-2.5-flash"}""")));

        assertThatThrownBy(() -> gemini().write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REFUSED);
                    assertThat(e.category()).isEqualTo(ErrorCategory.USAGE_GUIDELINES);
                    assertThat(e.getMessage()).contains("PROHIBITED_CONTENT");
                });
    }

    @Test
    void safetyStopIsRefused() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(reply("", "SAFETY"))));

        assertThatThrownBy(() -> gemini().write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED));
    }

    @Test
    void adaptForSpeechAndRewriteUseTheSameEndpoint() {
        api.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.generationConfig.responseSchema.properties.visual_prompt"))
                .willReturn(okJson(reply("{\"visual_prompt\":\"A generic robot explorer in a forest\","
                        + "\"spoken_text\":\"A robot explores the forest.\"}", "STOP"))));

        RewrittenBlock rewritten = gemini().rewriteRefusedBlock(new Block(1, 8, "Mickey Mouse in a forest",
                "Mickey walks in the forest.", null), "", "third-party content", Language.EN);

        assertThat(rewritten.block().visualPrompt()).isEqualTo("A generic robot explorer in a forest");
        assertThat(rewritten.block().spokenText()).isEqualTo("A robot explores the forest.");
        assertThat(rewritten.calls()).extracting(ProviderCall::operation).containsOnly("rewrite");
    }

    @Test
    void invalidKeyIsPermanentAndTheKeyAppearsNowhere() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400).withBody(ErrorBodies.GOOGLE_API_KEY_INVALID)));
        GeminiScriptWriter gemini = gemini();

        assertThatThrownBy(() -> gemini.write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("API_KEY_INVALID").contains("POST " + PATH).doesNotContain(KEY);
                });
        assertThat(gemini.toString()).doesNotContain(KEY);
    }

    @Test
    void exhaustedQuotaIsRateLimitedForTwentyThreeSeconds() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withBody(ErrorBodies.GOOGLE_RESOURCE_EXHAUSTED)));

        assertThatThrownBy(() -> gemini().write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(23));
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void serverErrorsAreTransient(int status) {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withBody(status == 500 ? ErrorBodies.GOOGLE_INTERNAL : ErrorBodies.GOOGLE_UNAVAILABLE)));

        assertThatThrownBy(() -> gemini().write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void malformedJsonBodyIsTransient() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"candidates\":[{\"content\"")));

        assertThatThrownBy(() -> gemini().write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void connectionResetIsTransient() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> gemini().write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void replySlowerThanTheTimeoutIsTransient() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(reply(ScriptFixtures.script(6, 6), "STOP")).withFixedDelay(1_500)));

        assertThatThrownBy(() -> gemini(HttpTimeouts.of(Duration.ofMillis(500), Duration.ofMillis(300))).write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void isBuiltFromTheEnvironmentOnlyWithAKey() {
        assertThat(GeminiScriptWriter.fromEnvironment(Map.of("REELFORGE_GEMINI_MODEL", "gemini-2.5-pro"), "gemini-3.8-flash", org.reelforge.provider.replica.Models.texts("gemini-api"))).isEmpty();
        assertThat(GeminiScriptWriter.fromEnvironment(Map.of("REELFORGE_GEMINI_API_KEY", "k", "REELFORGE_GEMINI_MODEL", "gemini-2.5-pro"), "gemini-3.8-flash", org.reelforge.provider.replica.Models.texts("gemini-api")))
                .hasValueSatisfying(w -> assertThat(w.name()).isEqualTo("gemini:gemini-2.5-pro"));
    }
}
