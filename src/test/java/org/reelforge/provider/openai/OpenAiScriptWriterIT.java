package org.reelforge.provider.openai;

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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ProviderException.Kind;
import org.reelforge.provider.ScriptWriter.Written;
import org.reelforge.provider.http.ErrorBodies;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;
import org.reelforge.provider.llm.ScriptFixtures;
import org.reelforge.video.ErrorCategory;

class OpenAiScriptWriterIT {
    private static final String KEY = "sk-proj-test-openai-key-1234";
    private static final String MODEL = "gpt-4o-mini";
    private static final String PATH = "/v1/chat/completions";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private OpenAiScriptWriter openAi() {
        return openAi(Optional.of(new Secret(KEY)), HttpTimeouts.ofSeconds(2, 5));
    }

    private OpenAiScriptWriter openAi(Optional<Secret> key, HttpTimeouts timeouts) {
        return new OpenAiScriptWriter(new OpenAiConfig(URI.create(api.baseUrl()), key, MODEL, org.reelforge.provider.replica.Models.text("openai", MODEL), timeouts));
    }

    static String reply(String content, String refusal, String finishReason, String fingerprint) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("created", 1760000000).put("model", MODEL);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (content == null) {
            message.putNull("content");
        } else {
            message.put("content", content);
        }
        if (refusal == null) {
            message.putNull("refusal");
        } else {
            message.put("refusal", refusal);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        ObjectNode usage = root.putObject("usage").put("prompt_tokens", 50).put("completion_tokens", 80).put("total_tokens", 130);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        return root.put("system_fingerprint", fingerprint).toString();
    }

    static String reply(String content) {
        return reply(content, null, "stop", "fp_abc");
    }

    @Test
    void writesAScriptWithAStrictJsonSchemaRequest() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(reply(ScriptFixtures.script(6, 6)))));

        Written written = openAi().write(ScriptFixtures.BRIEF);

        assertThat(written.script().blocks()).hasSize(6);
        assertThat(written.calls()).containsExactly(new ProviderCall(MODEL, "script", 50, "input_token", "model " + MODEL, true),
                new ProviderCall(MODEL, "script", 80, "output_token", "model " + MODEL, true));
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo(MODEL)))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Intelligence Artificielle")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("video_script")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.additionalProperties", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.properties.blocks.items.required",
                        containing("on_screen_text"))));
    }

    @Test
    void invalidDurationsAreRepairedWithASecondCall() {
        String invalid = ScriptFixtures.script(6, 6).replace("\"duration\":6", "\"duration\":7");
        api.stubFor(post(urlEqualTo(PATH)).inScenario("repair").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(reply(invalid))).willSetStateTo("repaired"));
        api.stubFor(post(urlEqualTo(PATH)).inScenario("repair").whenScenarioStateIs("repaired")
                .willReturn(okJson(reply(ScriptFixtures.script(6, 6)))));

        Written written = openAi().write(ScriptFixtures.BRIEF);

        assertThat(written.calls()).hasSize(4);
        api.verify(2, postRequestedFor(urlEqualTo(PATH)));
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.messages[2].role", equalTo("assistant")))
                .withRequestBody(matchingJsonPath("$.messages[3].content", containing("(got 7)"))));
    }

    @Test
    void refusalIsRefused() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(reply(null, "I'm sorry, I cannot help with that.", "stop", "fp_abc"))));

        assertThatThrownBy(() -> openAi().write(ScriptFixtures.BRIEF)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.REFUSED);
            assertThat(e.category()).isEqualTo(ErrorCategory.USAGE_GUIDELINES);
            assertThat(e.getMessage()).contains("I cannot help with that");
        });
    }

    @Test
    void contentFilterStopIsRefused() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(reply(null, null, "content_filter", "fp_abc"))));

        assertThatThrownBy(() -> openAi().write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED));
    }

    @Test
    void ollamaWithoutAKeySendsNoAuthorizationAndAcceptsABaseUrlEndingInV1() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(reply(ScriptFixtures.script(6, 6), null, "stop", "fp_ollama"))));
        OpenAiScriptWriter ollama = new OpenAiScriptWriter(new OpenAiConfig(URI.create(api.baseUrl() + "/v1"),
                Optional.empty(), "llama3.1", org.reelforge.provider.replica.Models.text("openai", "llama3.1"), HttpTimeouts.ofSeconds(2, 5)));

        assertThat(ollama.write(ScriptFixtures.BRIEF).script().blocks()).hasSize(6);
        api.verify(postRequestedFor(urlEqualTo(PATH)).withoutHeader("Authorization"));
    }

    @Test
    void invalidKeyIsPermanentAndNoKeyShowsInTheMessage() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401).withBody(ErrorBodies.OPENAI_INVALID_API_KEY)));

        assertThatThrownBy(() -> openAi().write(ScriptFixtures.BRIEF)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(e.getMessage()).contains("invalid_api_key").contains("POST " + PATH)
                    .doesNotContain(KEY).doesNotContain("sk-abc12");
        });
    }

    @Test
    void insufficientQuotaIsRateLimitedAsQuotaExceeded() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withBody(ErrorBodies.OPENAI_INSUFFICIENT_QUOTA)));

        assertThatThrownBy(() -> openAi().write(ScriptFixtures.BRIEF)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
            assertThat(e.getMessage()).contains("insufficient_quota");
        });
    }

    @Test
    void rateLimitWaitsForRetryAfter() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withBody(ErrorBodies.OPENAI_RATE_LIMIT)));

        assertThatThrownBy(() -> openAi().write(ScriptFixtures.BRIEF)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void serverErrorsAreTransient(int status) {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status).withBody(ErrorBodies.OPENAI_SERVER_ERROR)));

        assertThatThrownBy(() -> openAi().write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void malformedJsonIsTransient() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"choices\":[{\"message\":")));

        assertThatThrownBy(() -> openAi().write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void connectionResetIsTransient() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> openAi().write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void replySlowerThanTheTimeoutIsTransient() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(reply(ScriptFixtures.script(6, 6))).withFixedDelay(1_500)));
        OpenAiScriptWriter impatient = openAi(Optional.of(new Secret(KEY)), HttpTimeouts.of(Duration.ofMillis(500), Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.write(ScriptFixtures.BRIEF))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void isBuiltFromTheEnvironmentWithAKeyOrAnOllamaUrl() {
        assertThat(OpenAiScriptWriter.fromEnvironment(Map.of(), MODEL, org.reelforge.provider.replica.Models.texts("openai"))).isEmpty();
        assertThat(OpenAiScriptWriter.fromEnvironment(Map.of("REELFORGE_OPENAI_API_KEY", KEY), MODEL, org.reelforge.provider.replica.Models.texts("openai"))).isPresent();
        assertThat(OpenAiConfig.fromEnvironment(Map.of("REELFORGE_OPENAI_BASE_URL", "http://localhost:11434/v1",
                "REELFORGE_OPENAI_MODEL", "llama3.1"), MODEL, org.reelforge.provider.replica.Models.texts("openai")))
                .hasValueSatisfying(c -> {
                    assertThat(c.apiKey()).isEmpty();
                    assertThat(c.baseUrl()).isEqualTo(URI.create("http://localhost:11434"));
                    assertThat(c.model()).isEqualTo("llama3.1");
                });
    }
}
