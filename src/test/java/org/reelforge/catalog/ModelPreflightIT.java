package org.reelforge.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reelforge.pipeline.MutableClock;
import org.reelforge.provider.ModelLookup;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ProviderException.Kind;
import org.reelforge.provider.gemini.GeminiModelLookup;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;
import org.reelforge.video.ErrorCategory;

class ModelPreflightIT {
    @RegisterExtension
    static WireMockExtension gemini = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ModelCatalog catalog = ModelCatalog.bundled();

    @BeforeEach
    void stubs() {
        gemini.stubFor(get(urlEqualTo("/v1beta/models/gemini-omni-1.1-flash")).willReturn(okJson("""
                {"name":"models/gemini-omni-1.1-flash","version":"1.1","displayName":"Gemini Omni 1.1 Flash",
                 "inputTokenLimit":1048576,"outputTokenLimit":65536,"supportedGenerationMethods":["generateContent"]}""")));
        gemini.stubFor(get(urlEqualTo("/v1beta/models/gemini-3.8-flash")).willReturn(okJson(
                "{\"name\":\"models/gemini-3.8-flash\",\"version\":\"3.8\"}")));
        gemini.stubFor(get(urlEqualTo("/v1beta/models/veo-3.1-fast-generate-001")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                {"error":{"code":404,"message":"models/veo-3.1-fast-generate-001 is not found for API version v1beta, or is \
                not supported for predictLongRunning. Call ListModels to see the list of available models and their \
                supported methods.","status":"NOT_FOUND"}}""")));
        gemini.stubFor(get(urlEqualTo("/v1beta/models/gemini-omni-1.3-flash")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                {"error":{"code":404,"message":"This model models/gemini-omni-1.3-flash is no longer available. Please \
                update your code to use a newer model for the latest features and improvements.","status":"NOT_FOUND"}}""")));
    }

    private ModelLookup lookup() {
        return new GeminiModelLookup(URI.create(gemini.baseUrl()), new Secret("AIza-preflight-key"), "v1beta",
                HttpTimeouts.ofSeconds(2, 5));
    }

    private ModelPreflight preflight(String step, String provider, String model, String variable) {
        return new ModelPreflight(catalog, List.of(
                new ModelPreflight.Target("script", "gemini", "gemini-api", "gemini-3.8-flash", "REELFORGE_GEMINI_MODEL", lookup()),
                new ModelPreflight.Target(step, provider, "gemini-api", model, variable, lookup())), clock, Duration.ofMinutes(10));
    }

    @Test
    void liveModelsPassAndTheAnswerIsCachedForTenMinutes() {
        ModelPreflight p = preflight("clip", "omni", "gemini-omni-1.1-flash", "REELFORGE_OMNI_MODEL");
        p.check();
        p.check();
        assertThat(gemini.findAll(getRequestedFor(urlEqualTo("/v1beta/models/gemini-omni-1.1-flash")))).hasSize(1);
        clock.advance(Duration.ofMinutes(11));
        p.check();
        assertThat(gemini.findAll(getRequestedFor(urlEqualTo("/v1beta/models/gemini-omni-1.1-flash")))).hasSize(2);
        assertThat(gemini.findAll(getRequestedFor(anyUrl())).get(0).getHeader("x-goog-api-key")).isEqualTo("AIza-preflight-key");
    }

    @Test
    void aModelTheServiceNoLongerHasStopsTheVideoNamingTheModelTheVariableAndTheLiveAlternatives() {
        ModelPreflight p = preflight("clip", "omni", "gemini-omni-1.3-flash", "REELFORGE_OMNI_MODEL");
        assertThatThrownBy(p::check).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(e.category()).isEqualTo(ErrorCategory.MODEL_UNAVAILABLE);
            assertThat(e.getMessage()).contains("clip model gemini-omni-1.3-flash", "is shut down", "is no longer available",
                    "Set REELFORGE_OMNI_MODEL", "gemini-omni-1.1-flash", "Nothing was paid");
            assertThat(e.getMessage()).doesNotContain("AIza-preflight-key");
        });
        assertThatThrownBy(p::check).isInstanceOf(ProviderException.class);
        assertThat(gemini.findAll(getRequestedFor(urlEqualTo("/v1beta/models/gemini-omni-1.3-flash")))).hasSize(1);
        assertThat(gemini.findAll(postRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aModelTheServiceNeverHadIsNotAvailable() {
        ModelPreflight p = preflight("clip", "vertex", "veo-3.1-fast-generate-001", "REELFORGE_VEO_MODEL");
        assertThatThrownBy(p::check).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.MODEL_UNAVAILABLE);
            assertThat(e.getMessage()).contains("is not available", "is not found for API version v1beta");
        });
    }

    @Test
    void aModelTheCatalogKnowsAsShutDownIsStoppedWithoutAskingTheService() {
        ModelPreflight p = preflight("clip", "veo", "veo-3.1-fast-generate-preview", "REELFORGE_VEO_MODEL");
        assertThatThrownBy(p::check).isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage())
                .contains("shut down 2026-10-22", "gemini-omni-1.1-flash (REELFORGE_CLIP_PROVIDER=omni)"));
        assertThat(gemini.findAll(getRequestedFor(urlEqualTo("/v1beta/models/veo-3.1-fast-generate-preview")))).isEmpty();
    }

    @Test
    void aModelRetiredTodayIsStoppedFromItsShutdownDayOn() {
        ModelPreflight p = new ModelPreflight(catalog, List.of(new ModelPreflight.Target("script", "gemini", "gemini-api",
                "gemini-2.5-flash", "REELFORGE_GEMINI_MODEL", lookup())), clock, Duration.ofMinutes(10));
        assertThatThrownBy(p::check).hasMessageContaining("gemini-3.8-flash");
        assertThat(gemini.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
