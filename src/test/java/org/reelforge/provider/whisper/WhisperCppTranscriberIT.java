package org.reelforge.provider.whisper;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ProviderException.Kind;
import org.reelforge.provider.Transcriber.Transcript;
import org.reelforge.provider.audio.PcmWav;
import org.reelforge.provider.http.ErrorBodies;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

class WhisperCppTranscriberIT {
    private static final String REPLY = """
            {"task":"transcribe","language":"french","duration":2.0,"text":" Bonjour, le monde. Salut.",
             "segments":[
              {"id":0,"text":" Bonjour, le monde.","start":0.0,"end":1.5,"tokens":[50364,1],
               "words":[{"word":"[_BEG_]","start":0.0,"end":0.0,"t_dtw":-1,"probability":0.9},
                        {"word":" Bon","start":0.10,"end":0.30,"t_dtw":-1,"probability":0.9},
                        {"word":"jour","start":0.30,"end":0.50,"t_dtw":-1,"probability":0.9},
                        {"word":",","start":0.50,"end":0.52,"t_dtw":-1,"probability":0.9},
                        {"word":" le","start":0.60,"end":0.70,"t_dtw":-1,"probability":0.9},
                        {"word":" monde","start":0.70,"end":1.10,"t_dtw":-1,"probability":0.9},
                        {"word":".","start":1.10,"end":1.12,"t_dtw":-1,"probability":0.9}],
               "temperature":0.0,"avg_logprob":-0.2,"no_speech_prob":0.01},
              {"id":1,"text":" Salut.","start":1.5,"end":2.0,"tokens":[2],
               "words":[{"word":" Salut","start":1.55,"end":1.90,"t_dtw":-1,"probability":0.9},
                        {"word":".","start":1.90,"end":1.92,"t_dtw":-1,"probability":0.9}],
               "temperature":0.0,"avg_logprob":-0.2,"no_speech_prob":0.01}],
             "detected_language":"fr","detected_language_probability":0.98}""";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private Transcript transcribe(HttpTimeouts timeouts) throws Exception {
        Path wav = dir.resolve("speech.wav");
        Files.write(wav, new PcmWav(16_000, 1, 16, new byte[3_200]).toBytes());
        return new WhisperCppTranscriber(new WhisperCppConfig(URI.create(server.baseUrl()), timeouts))
                .transcribe(wav, Language.FR, List.of());
    }

    private Transcript transcribe() throws Exception {
        return transcribe(HttpTimeouts.ofSeconds(2, 5));
    }

    @Test
    void tokenPiecesInsideSegmentsAreMergedIntoWords() throws Exception {
        server.stubFor(post(urlEqualTo("/inference")).willReturn(okJson(REPLY)));

        Transcript transcript = transcribe();

        assertThat(transcript.words()).containsExactly(new TimedWord("Bonjour,", 100, 520),
                new TimedWord("le", 600, 700), new TimedWord("monde.", 700, 1120), new TimedWord("Salut.", 1550, 1920));
        assertThat(transcript.call().provider()).isEqualTo("whisper.cpp");
        server.verify(postRequestedFor(urlEqualTo("/inference"))
                .withRequestBodyPart(aMultipart().withName("file").build())
                .withRequestBodyPart(aMultipart().withName("response_format").withBody(equalTo("verbose_json")).build())
                .withRequestBodyPart(aMultipart().withName("language").withBody(equalTo("fr")).build()));
    }

    @Test
    void missingFileIsPermanent() {
        server.stubFor(post(urlEqualTo("/inference")).willReturn(aResponse().withStatus(400).withBody(ErrorBodies.WHISPERCPP_NO_FILE)));

        assertThatThrownBy(this::transcribe).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(e.getMessage()).contains("no 'file' field");
        });
    }

    @Test
    void serverStillLoadingItsModelIsTransient() {
        server.stubFor(post(urlEqualTo("/inference")).willReturn(aResponse().withStatus(503).withBody("{\"status\":\"loading model\"}")));

        assertThatThrownBy(this::transcribe).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void malformedJsonIsTransient() {
        server.stubFor(post(urlEqualTo("/inference")).willReturn(okJson("{\"segments\":[")));

        assertThatThrownBy(this::transcribe).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void connectionResetIsTransient() {
        server.stubFor(post(urlEqualTo("/inference")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(this::transcribe).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void replySlowerThanTheTimeoutIsTransient() {
        server.stubFor(post(urlEqualTo("/inference")).willReturn(okJson(REPLY).withFixedDelay(1_500)));

        assertThatThrownBy(() -> transcribe(HttpTimeouts.of(Duration.ofMillis(500), Duration.ofMillis(300))))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void isBuiltFromTheEnvironmentOnlyWithABaseUrl() {
        assertThat(WhisperCppTranscriber.fromEnvironment(Map.of())).isEmpty();
        assertThat(WhisperCppTranscriber.fromEnvironment(Map.of("REELFORGE_WHISPERCPP_BASE_URL", "http://127.0.0.1:8080")))
                .isPresent();
    }
}
