package org.reelforge.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reelforge.catalog.ModelCatalog;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;
import org.reelforge.provider.elevenlabs.ElevenLabsSpeechSynthesizer;
import org.reelforge.provider.gemini.GeminiScriptWriter;
import org.reelforge.provider.http.AccessToken;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;
import org.reelforge.provider.offline.align.AlignmentTranscriber;
import org.reelforge.provider.omni.OmniClipGenerator;
import org.reelforge.provider.omni.OmniConfig;
import org.reelforge.provider.replica.Models;
import org.reelforge.provider.veo.VertexVeoClipGenerator;
import org.reelforge.provider.veo.VertexVeoConfig;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.Language;
import org.reelforge.video.Mode;
import org.reelforge.video.Style;
import org.reelforge.video.VideoRequest;

/** The estimate of a 36 s video per provider combination, from the catalog's prices (no call is made). */
class CostEstimatorTest {
    private static final HttpTimeouts T = HttpTimeouts.ofSeconds(1, 1);
    private final CostEstimator estimator = new CostEstimator(PriceTable.of(ModelCatalog.bundled()));
    private final ScriptWriter gemini = GeminiScriptWriter.fromEnvironment(Map.of("REELFORGE_GEMINI_API_KEY", "k"),
            "gemini-3.8-flash", Models.texts("gemini-api")).orElseThrow();
    private final ClipGenerator omni = new OmniClipGenerator(OmniConfig.gemini(URI.create("http://127.0.0.1:9"), "v1beta",
            new Secret("k"), Models.clip("gemini-api", "gemini-omni-1.1-flash"), 5792, T));
    private final ClipGenerator vertex = new VertexVeoClipGenerator(new VertexVeoConfig(URI.create("http://127.0.0.1:9"),
            "p", "us-central1", AccessToken.fixed(new Secret("t")), "veo-3.1-fast-generate-001",
            Models.clip("vertex", "veo-3.1-fast-generate-001"), Optional.empty(), URI.create("http://127.0.0.1:9"), T));
    private final SpeechSynthesizer eleven = ElevenLabsSpeechSynthesizer.fromEnvironment(
            Map.of("REELFORGE_ELEVENLABS_API_KEY", "k")).orElseThrow();
    private final Transcriber aligner = new AlignmentTranscriber();

    private static VideoRequest request(Mode mode) {
        return new VideoRequest("Les volcans d'Islande", 36, Style.INFORMATIVE, Language.FR, mode, ClipStrategy.PARALLEL, null, null, false, false);
    }

    private BigDecimal total(List<ProviderCall> calls) {
        return estimator.total(calls);
    }

    @Test
    void omniAt720pBillsTheVideoTokensOfThirtySixSecondsInFiveBlocksOfItsOwnLengths() {
        List<ProviderCall> calls = estimator.calls(request(Mode.NATIVE_AUDIO), gemini, omni, eleven, aligner);
        List<ProviderCall> clips = calls.stream().filter(c -> c.operation().equals("clip")).toList();

        assertThat(clips).extracting(ProviderCall::units).containsExactly(8 * 5792.0, 7 * 5792.0, 7 * 5792.0, 7 * 5792.0, 7 * 5792.0);
        assertThat(clips).allSatisfy(c -> assertThat(c.provider()).isEqualTo("gemini-omni-1.1-flash@720p"));
        // 208,512 video tokens × $17.50/M = $3.64896; script 1,500 in × $0.30/M + 1,050 out × $2.50/M = $0.003075
        assertThat(total(calls)).isEqualByComparingTo("3.652035");
        assertThat(estimator.unpriced(calls)).isEmpty();
    }

    @Test
    void theDraftEstimateIsTheSameVideoAtTheCheapestResolution() {
        List<ProviderCall> draft = estimator.draftCalls(request(Mode.NATIVE_AUDIO), gemini, omni, eleven, aligner);
        assertThat(draft.stream().filter(c -> c.operation().equals("clip"))).allSatisfy(c ->
                assertThat(c.provider()).isEqualTo("gemini-omni-1.1-flash@360p"));
        assertThat(total(draft)).isEqualByComparingTo("1.097763");
    }

    @Test
    void veoOnVertexPlansFourSixOrEightSecondBlocksAtTenCentsASecond() {
        List<ProviderCall> calls = estimator.calls(request(Mode.NATIVE_AUDIO), gemini, vertex, eleven, aligner);
        assertThat(calls.stream().filter(c -> c.operation().equals("clip")).map(ProviderCall::units))
                .containsExactly(8.0, 8.0, 8.0, 6.0, 6.0);
        assertThat(total(calls)).isEqualByComparingTo("3.603075");
    }

    @Test
    void narratedAddsTheAdaptCallAndTheVoiceOver() {
        List<ProviderCall> calls = estimator.calls(request(Mode.NARRATED), gemini, omni, eleven, aligner);
        // two text calls ($0.00615), 540 characters × $0.10/1K ($0.054), the same Omni clips ($3.64896)
        assertThat(total(calls)).isEqualByComparingTo("3.70911");
        assertThat(calls).hasSize(4 + 1 + 5);
    }

    @Test
    void aRefusedCallCostsNothing() {
        ProviderCall clip = new ProviderCall("gemini-omni-1.1-flash@720p", "clip", 46336, "output_token");
        PriceTable prices = PriceTable.defaults();
        assertThat(prices.microUsd(clip)).isEqualTo(810_880);
        assertThat(prices.microUsd(clip.notCharged("refused: safety"))).isZero();
    }
}
