package org.reelforge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.cli.ExitCodes;
import org.reelforge.cli.ReelForgeCli;

class ProvidersCommandIT {
    private static final String KEY = "AIza-only-a-gemini-key-42";
    @RegisterExtension
    static WireMockExtension gemini = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @TempDir
    Path data;

    private String run(Map<String, String> env, String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 3];
            all[0] = "providers";
            all[1] = "--data-dir";
            all[2] = data.toString();
            System.arraycopy(args, 0, all, 3, args.length);
            assertThat(ReelForgeCli.execute(d -> ReelForge.open(Config.from(d, env)), all)).isEqualTo(ExitCodes.DONE);
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withOnlyAGeminiKeyTheScriptIsGemini38FlashTheClipsAreOmniAndBothModelsAnswer() throws Exception {
        gemini.stubFor(get(urlEqualTo("/v1beta/models/gemini-3.8-flash")).willReturn(okJson("{\"name\":\"models/gemini-3.8-flash\",\"version\":\"3.8\"}")));
        gemini.stubFor(get(urlEqualTo("/v1beta/models/gemini-omni-1.1-flash")).willReturn(okJson("{\"name\":\"models/gemini-omni-1.1-flash\"}")));
        Map<String, String> env = Map.of("REELFORGE_GEMINI_API_KEY", KEY, "REELFORGE_GEMINI_BASE_URL", gemini.baseUrl());

        String text = run(env);
        System.out.println(text);

        assertThat(text).contains("script: gemini gemini-3.8-flash on gemini-api (REELFORGE_GEMINI_API_KEY is set)",
                "clip: omni gemini-omni-1.1-flash on gemini-api", "key: REELFORGE_GEMINI_API_KEY is set",
                "model lookup: answered", "voice: offline espeak-ng", "veo-3.1-fast-generate-preview (gemini-api): shut down 2026-10-22",
                "gemini-2.5-flash (gemini-api): shut down 2026-12-01");
        assertThat(text).doesNotContain(KEY);
        JsonNode json = new ObjectMapper().readTree(run(env, "--json"));
        assertThat(json.path("steps").get(2).path("model").asText()).isEqualTo("gemini-omni-1.1-flash");
        assertThat(json.path("steps").get(2).path("key_set").asBoolean()).isTrue();
        assertThat(json.path("steps").get(2).path("price").asText()).contains("0.03 / 0.10 / 0.15 / 0.30 per s");
        assertThat(gemini.findAll(getRequestedFor(urlEqualTo("/v1beta/models/gemini-omni-1.1-flash")))).isNotEmpty();
        assertThat(gemini.findAll(postRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aModelTheServiceNoLongerHasIsReportedMissingWithTheVariableToChange() {
        gemini.stubFor(get(urlEqualTo("/v1beta/models/gemini-3.8-flash")).willReturn(okJson("{\"name\":\"models/gemini-3.8-flash\"}")));
        gemini.stubFor(get(urlEqualTo("/v1beta/models/gemini-omni-1.2-flash")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(
                "{\"error\":{\"code\":404,\"message\":\"This model models/gemini-omni-1.2-flash is no longer available.\",\"status\":\"NOT_FOUND\"}}")));
        java.nio.file.Path models = data.resolve("models.json");
        try {
            java.nio.file.Files.writeString(models, """
                    {"models":[{"id":"gemini-omni-1.2-flash","service":"gemini-api","provider":"omni","api":"interactions",
                     "status":"live","source_date":"2026-12-01","clip":{"lengths":{"min":3,"max":15},"resolutions":["720p"],
                     "aspect_ratios":["9:16"],"native_audio":true,"tokens_per_second":5792,"max_prompt_chars":4000}}]}""");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String text = run(Map.of("REELFORGE_GEMINI_API_KEY", KEY, "REELFORGE_GEMINI_BASE_URL", gemini.baseUrl(),
                "REELFORGE_OMNI_MODEL", "gemini-omni-1.2-flash"));

        assertThat(text).contains("clip: omni gemini-omni-1.2-flash", "model lookup: missing: the clip model gemini-omni-1.2-flash",
                "Set REELFORGE_OMNI_MODEL to a live model, e.g. gemini-omni-1.1-flash");
    }
}
