package org.reelforge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.video.ClipLengths;

class ModelCatalogTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    @TempDir
    Path data;

    @Test
    void theBundledCatalogKnowsTodaysServices() {
        ModelCatalog catalog = ModelCatalog.bundled();

        CatalogModel omni = catalog.find("gemini-api", "gemini-omni-1.1-flash").orElseThrow();
        assertThat(omni.api()).isEqualTo(ApiFamily.INTERACTIONS);
        assertThat(omni.clip().orElseThrow().lengths()).isEqualTo(ClipLengths.range(3, 10));
        assertThat(omni.cheapestResolution()).contains("360p");
        assertThat(catalog.find("gemini-api", "veo-3.1-fast-generate-preview").orElseThrow().isShutDownOn(TODAY)).isTrue();
        assertThat(catalog.find("gemini-api", "gemini-2.5-flash").orElseThrow().isShutDownOn(TODAY)).isTrue();
        assertThat(catalog.find("gemini-api", "gemini-2.5-flash").orElseThrow().isShutDownOn(TODAY.minusDays(1))).isFalse();
        assertThat(catalog.find("vertex", "veo-3.1-fast-generate-001").orElseThrow().clip().orElseThrow().extension()
                .maxTotalSeconds()).isEqualTo(37);
        assertThat(catalog.defaultModel("clip", "omni")).isEqualTo("gemini-omni-1.1-flash");
        assertThat(catalog.defaultModel("script", "gemini")).isEqualTo("gemini-3.8-flash");
    }

    @Test
    void theSameIdOnTwoServicesIsTwoModels() {
        ModelCatalog catalog = ModelCatalog.bundled();
        assertThat(catalog.find("gemini-api", "gemini-omni-flash-preview").orElseThrow().isShutDownOn(TODAY)).isTrue();
        assertThat(catalog.find("vertex", "gemini-omni-flash-preview").orElseThrow().isShutDownOn(TODAY)).isFalse();
    }

    @Test
    void liveAlternativesOfAShutDownVideoModelAreTheServicesLiveVideoModels() {
        ModelCatalog catalog = ModelCatalog.bundled();
        CatalogModel veo = catalog.find("gemini-api", "veo-3.1-fast-generate-preview").orElseThrow();
        assertThat(catalog.liveAlternatives(veo, TODAY)).extracting(CatalogModel::id).containsExactly("gemini-omni-1.1-flash");
        CatalogModel old = catalog.find("gemini-api", "gemini-2.5-flash").orElseThrow();
        assertThat(catalog.liveAlternatives(old, TODAY)).extracting(CatalogModel::id)
                .containsExactlyInAnyOrder("gemini-3.8-flash", "gemini-3.6-flash", "gemini-3.5-flash-lite");
    }

    @Test
    void anOverrideFileCorrectsABundledModelFieldByFieldAndAddsNewOnes() throws IOException {
        Files.writeString(data.resolve("models.json"), """
                {"defaults": {"clip:omni": "gemini-omni-1.2-flash"},
                 "models": [
                  {"id": "gemini-omni-1.1-flash", "prices": [{"unit": "output_token", "resolution": "720p", "usd": "0.00002"}]},
                  {"id": "veo-3.1-fast-generate-001", "status": "deprecated", "date": "2027-01-15"},
                  {"id": "gemini-omni-1.2-flash", "service": "gemini-api", "provider": "omni", "api": "interactions",
                   "status": "live", "source_date": "2026-12-02",
                   "clip": {"lengths": {"min": 3, "max": 15}, "resolutions": ["720p"], "aspect_ratios": ["9:16"],
                            "native_audio": true, "tokens_per_second": 5792, "max_prompt_chars": 4000}}]}""");

        ModelCatalog catalog = ModelCatalog.load(data);

        CatalogModel omni = catalog.find("gemini-api", "gemini-omni-1.1-flash").orElseThrow();
        assertThat(omni.price("output_token", "720p")).contains(new BigDecimal("0.00002"));
        assertThat(omni.price("output_token", "360p")).isEmpty();
        assertThat(omni.clip().orElseThrow().lengths()).isEqualTo(ClipLengths.range(3, 10));
        CatalogModel veo = catalog.find("vertex", "veo-3.1-fast-generate-001").orElseThrow();
        assertThat(veo.lifecycle().state()).isEqualTo(Lifecycle.State.DEPRECATED);
        assertThat(veo.isShutDownOn(LocalDate.parse("2027-01-15"))).isTrue();
        assertThat(catalog.defaultModel("clip", "omni")).isEqualTo("gemini-omni-1.2-flash");
        assertThat(catalog.find("gemini-api", "gemini-omni-1.2-flash").orElseThrow().clip().orElseThrow().lengths().max())
                .isEqualTo(15);
    }

    @Test
    void aBadOverrideNamesTheFileTheModelAndTheField() throws IOException {
        Path file = data.resolve("models.json");
        Files.writeString(file, """
                {"models": [{"id": "gemini-omni-1.1-flash", "clip": {"lengths": {"min": 3, "max": 90}}}]}""");
        assertThatThrownBy(() -> ModelCatalog.load(data)).isInstanceOf(CatalogException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("model gemini-omni-1.1-flash")
                .hasMessageContaining("field clip.lengths").hasMessageContaining("1–60");

        Files.writeString(file, """
                {"models": [{"id": "my-model", "service": "gemini-api", "provider": "omni", "api": "telepathy",
                  "status": "live", "source_date": "2026-12-01"}]}""");
        assertThatThrownBy(() -> ModelCatalog.load(data)).hasMessageContaining("model my-model: field api must be one of");

        Files.writeString(file, "{\"models\": [{\"id\": \"gemini-omni-flash-preview\", \"status\": \"live\"}]}");
        assertThatThrownBy(() -> ModelCatalog.load(data)).hasMessageContaining("field service is required");

        Files.writeString(file, "{\"models\": [");
        assertThatThrownBy(() -> ModelCatalog.load(data)).hasMessageContaining(file + ": not valid JSON");

        Files.writeString(file, "{\"defaults\": {\"clip:omni\": \"nope-1\"}, \"models\": []}");
        assertThatThrownBy(() -> ModelCatalog.load(data)).hasMessageContaining("defaults.clip:omni names nope-1");
    }

    @Test
    void anUnknownModelIsRefusedNamingTheVariableAndTheKnownModels() {
        assertThatThrownBy(() -> ModelCatalog.bundled().require("gemini-api", "omni", "gemini-omni-9", "REELFORGE_OMNI_MODEL"))
                .hasMessageContaining("REELFORGE_OMNI_MODEL=gemini-omni-9").hasMessageContaining("gemini-omni-1.1-flash")
                .hasMessageContaining("models.json");
    }
}
