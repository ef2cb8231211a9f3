package org.reelforge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.Transcriber;
import org.reelforge.provider.Transcriber.Segment;
import org.reelforge.provider.gemini.GeminiConfig;
import org.reelforge.provider.gemini.GeminiTranscriber;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;
import org.reelforge.provider.offline.align.AlignmentTranscriber;
import org.reelforge.provider.offline.speech.EspeakSpeechSynthesizer;
import org.reelforge.provider.replica.Models;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/** Captions of native audio follow what the video model said: Gemini hears it, the offline aligner times it. */
class GeminiTranscriptionIT {
    @RegisterExtension
    static WireMockExtension gemini = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @TempDir
    Path dir;

    @Test
    void theCaptionsCarryTheWordsHeardTimedOnTheAudioAndTheBlockWhoseSpeechDiffersIsFlagged() throws Exception {
        EspeakSpeechSynthesizer espeak = new EspeakSpeechSynthesizer();
        Path audio = dir.resolve("joined.wav");
        String said = "Voici le volcan et la lave qui coule";
        espeak.synthesize(said, Language.FR, 1.0, audio);
        gemini.stubFor(post(urlEqualTo("/v1beta/models/gemini-3.8-flash:generateContent")).willReturn(okJson("""
                {"candidates":[{"content":{"role":"model","parts":[{"text":"{\\"segments\\":[{\\"index\\":1,\\"heard\\":\\"%s\\"},{\\"index\\":2,\\"heard\\":\\"\\"}]}"}]},
                 "finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":412,"candidatesTokenCount":31},
                 "modelVersion":"gemini-3.8-flash-001"}""".formatted(said))));
        GeminiConfig config = new GeminiConfig(URI.create(gemini.baseUrl()), new Secret("AIza-t"), "gemini-3.8-flash",
                Models.text("gemini-api", "gemini-3.8-flash"), HttpTimeouts.ofSeconds(2, 10));
        Transcriber captions = new HeardSpeechTranscriber(new GeminiTranscriber(config), new AlignmentTranscriber(espeak));
        long length = Files.size(audio) > 0 ? 60_000 : 0;
        List<Segment> expected = List.of(new Segment("Voici la montagne qui dort depuis mille ans", 0, 4_000),
                new Segment("Et voici la mer", 4_000, length));

        Transcriber.Transcript t = captions.transcribe(audio, Language.FR, expected);

        assertThat(t.words()).extracting(TimedWord::text).containsExactly(said.split(" "));
        assertThat(t.words()).isSortedAccordingTo(java.util.Comparator.comparingLong(TimedWord::startMillis));
        assertThat(t.words().get(0).startMillis()).isLessThan(t.words().get(t.words().size() - 1).startMillis());
        assertThat(t.segments()).hasSize(2);
        assertThat(t.segments().get(0).heard()).isEqualTo(said);
        assertThat(t.segments().get(0).confidence()).isBetween(0.1, 0.4);
        assertThat(t.segments().get(1).confidence()).isZero();
        assertThat(t.call()).isEqualTo(new ProviderCall("gemini-3.8-flash", "transcription", 412, "audio_input_token",
                "output tokens 31 not billed here; modelVersion gemini-3.8-flash-001", true));
        JsonNode body = new ObjectMapper().readTree(gemini.findAll(postRequestedFor(urlEqualTo(
                "/v1beta/models/gemini-3.8-flash:generateContent"))).get(0).getBodyAsString());
        JsonNode inline = body.path("contents").get(0).path("parts").get(0).path("inlineData");
        assertThat(inline.path("mimeType").asText()).isEqualTo("audio/wav");
        assertThat(Base64.getDecoder().decode(inline.path("data").asText())).isEqualTo(Files.readAllBytes(audio));
        assertThat(body.path("generationConfig").path("responseSchema").path("properties").has("segments")).isTrue();
        assertThat(body.path("contents").get(0).path("parts").get(1).path("text").asText())
                .contains("1 (0.0–4.0 s), script: Voici la montagne");
    }

    @Test
    void wordForWordSpeechIsFullConfidence() {
        assertThat(org.reelforge.provider.SpokenMatch.confidence("Voici le volcan !", "voici le Volcan")).isEqualTo(1.0);
        assertThat(org.reelforge.provider.SpokenMatch.confidence("Voici le volcan", "voici un volcan")).isEqualTo(2 / 3.0);
    }
}
