package org.reelforge.provider.whisper;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ProviderException.Kind;
import org.reelforge.provider.Transcriber.Segment;
import org.reelforge.provider.Transcriber.Transcript;
import org.reelforge.provider.audio.PcmWav;
import org.reelforge.provider.http.ErrorBodies;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

class OpenAiTranscriberIT {
    private static final String KEY = "sk-proj-test-whisper-key-0000";
    private static final String PATH = "/v1/audio/transcriptions";
    private static final String REPLY = """
            {"task":"transcribe","language":"french","duration":0.5,"text":"Bonjour le monde",
             "words":[{"word":"Bonjour","start":0.10,"end":0.25},{"word":"le","start":0.25,"end":0.30},
                      {"word":"monde","start":0.30,"end":0.45}],
             "segments":null,"usage":{"type":"duration","seconds":1}}""";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private OpenAiTranscriber whisper(long maxUploadBytes, HttpTimeouts timeouts) {
        return new OpenAiTranscriber(new WhisperConfig(URI.create(api.baseUrl() + "/v1"), new Secret(KEY), "whisper-1",
                maxUploadBytes, timeouts));
    }

    private OpenAiTranscriber whisper() {
        return whisper(WhisperConfig.DEFAULT_MAX_UPLOAD_BYTES, HttpTimeouts.ofSeconds(2, 5));
    }

    /** Half a second of 16 kHz mono silence per {@code halves}. */
    private Path wav(int halves) throws Exception {
        Path file = dir.resolve("speech.wav");
        Files.write(file, new PcmWav(16_000, 1, 16, new byte[16_000 * halves]).toBytes());
        return file;
    }

    private Transcript transcribe() throws Exception {
        return whisper().transcribe(wav(1), Language.FR, List.of(new Segment("Bonjour le monde", 0, 500)));
    }

    @Test
    void sendsAVerboseJsonWordTimestampRequestAndReadsTheTopLevelWords() throws Exception {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(REPLY)));

        Transcript transcript = transcribe();

        assertThat(transcript.words()).containsExactly(new TimedWord("Bonjour", 100, 250), new TimedWord("le", 250, 300),
                new TimedWord("monde", 300, 450));
        assertThat(transcript.call().provider()).isEqualTo("whisper-1");
        assertThat(transcript.call().unit()).isEqualTo("minute");
        assertThat(transcript.call().units()).isCloseTo(0.5 / 60, within(1e-9));
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withRequestBodyPart(aMultipart().withName("file").build())
                .withRequestBodyPart(aMultipart().withName("model").withBody(equalTo("whisper-1")).build())
                .withRequestBodyPart(aMultipart().withName("response_format").withBody(equalTo("verbose_json")).build())
                .withRequestBodyPart(aMultipart().withName("timestamp_granularities[]").withBody(equalTo("word")).build())
                .withRequestBodyPart(aMultipart().withName("language").withBody(equalTo("fr")).build())
                .withRequestBodyPart(aMultipart().withName("prompt").withBody(equalTo("Bonjour le monde")).build()));
    }

    @Test
    void wavOverTheUploadLimitIsCutAndItsWordTimesShifted() throws Exception {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(REPLY)));
        OpenAiTranscriber smallLimit = whisper(16_044, HttpTimeouts.ofSeconds(2, 5));

        Transcript transcript = smallLimit.transcribe(wav(2), Language.FR,
                List.of(new Segment("premier bloc", 0, 500), new Segment("second bloc", 500, 1_000)));

        api.verify(2, postRequestedFor(urlEqualTo(PATH)));
        api.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBodyPart(aMultipart().withName("prompt").withBody(equalTo("premier bloc")).build()));
        api.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBodyPart(aMultipart().withName("prompt").withBody(equalTo("second bloc")).build()));
        assertThat(transcript.words()).extracting(TimedWord::startMillis).containsExactly(100L, 250L, 300L, 600L, 750L, 800L);
        assertThat(transcript.call().units()).isCloseTo(1.0 / 60, within(1e-9));
    }

    @Test
    void audioOverTheLimitThatIsNotWavIsPermanent() throws Exception {
        Path mp3 = dir.resolve("speech.mp3");
        Files.write(mp3, new byte[4_096]);

        assertThatThrownBy(() -> whisper(2_048, HttpTimeouts.ofSeconds(2, 5)).transcribe(mp3, Language.FR, List.of()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));
    }

    @Test
    void invalidKeyIsPermanentAndNoKeyShowsInTheMessage() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401).withBody(ErrorBodies.OPENAI_INVALID_API_KEY)));

        assertThatThrownBy(this::transcribe).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(e.getMessage()).contains("invalid_api_key").doesNotContain(KEY).doesNotContain("sk-abc12");
        });
    }

    @Test
    void insufficientQuotaIsRateLimitedAsQuotaExceeded() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withBody(ErrorBodies.OPENAI_INSUFFICIENT_QUOTA)));

        assertThatThrownBy(this::transcribe).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
        });
    }

    @Test
    void rateLimitWaitsForRetryAfterMs() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "1500")
                .withHeader("retry-after", "2").withBody(ErrorBodies.OPENAI_RATE_LIMIT)));

        assertThatThrownBy(this::transcribe).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofMillis(1_500)));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void serverErrorsAreTransient(int status) {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status).withBody(ErrorBodies.OPENAI_SERVER_ERROR)));

        assertThatThrownBy(this::transcribe).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void malformedJsonIsTransient() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"words\":[{\"word\":")));

        assertThatThrownBy(this::transcribe).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void connectionResetIsTransient() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(this::transcribe).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void replySlowerThanTheTimeoutIsTransient() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(REPLY).withFixedDelay(1_500)));
        OpenAiTranscriber impatient = whisper(WhisperConfig.DEFAULT_MAX_UPLOAD_BYTES,
                HttpTimeouts.of(Duration.ofMillis(500), Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.transcribe(wav(1), Language.FR, List.of()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void isBuiltFromTheEnvironmentWithItsOwnKeyOrTheOpenAiKey() {
        assertThat(OpenAiTranscriber.fromEnvironment(Map.of())).isEmpty();
        assertThat(OpenAiTranscriber.fromEnvironment(Map.of("REELFORGE_OPENAI_API_KEY", "k"))).isPresent();
        assertThat(WhisperConfig.fromEnvironment(Map.of("REELFORGE_WHISPER_API_KEY", "k",
                "REELFORGE_WHISPER_BASE_URL", "http://localhost:9/v1/")))
                .hasValueSatisfying(c -> assertThat(c.baseUrl()).isEqualTo(URI.create("http://localhost:9")));
    }
}
