package org.reelforge.provider.elevenlabs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ProviderException.Kind;
import org.reelforge.provider.SpeechSynthesizer.Speech;
import org.reelforge.provider.audio.PcmWav;
import org.reelforge.provider.http.ErrorBodies;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

class ElevenLabsSpeechSynthesizerIT {
    private static final String KEY = "sk_eleven_test_key_123";
    private static final String VOICE = "JBFqnCBsd6RMkjVDRZzb";
    private static final String PATH = "/v1/text-to-speech/" + VOICE + "/with-timestamps?output_format=pcm_24000";
    private static final String TEXT = "Bonjour le monde";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private ElevenLabsSpeechSynthesizer elevenLabs() {
        return elevenLabs(HttpTimeouts.ofSeconds(2, 5), "eleven_multilingual_v2");
    }

    private ElevenLabsSpeechSynthesizer elevenLabs(HttpTimeouts timeouts, String model) {
        return new ElevenLabsSpeechSynthesizer(new ElevenLabsConfig(URI.create(api.baseUrl()), new Secret(KEY), VOICE,
                model, timeouts));
    }

    /** One second of PCM and a character alignment of "Bonjour le monde", 0.05 s per character. */
    private static String reply() {
        ObjectNode root = JsonNodeFactory.instance.objectNode()
                .put("audio_base64", Base64.getEncoder().encodeToString(new byte[48_000]));
        ObjectNode alignment = root.putObject("alignment");
        ArrayNode chars = alignment.putArray("characters");
        ArrayNode starts = alignment.putArray("character_start_times_seconds");
        ArrayNode ends = alignment.putArray("character_end_times_seconds");
        for (int i = 0; i < TEXT.length(); i++) {
            chars.add(String.valueOf(TEXT.charAt(i)));
            starts.add(i * 0.05);
            ends.add((i + 1) * 0.05);
        }
        root.set("normalized_alignment", alignment.deepCopy());
        return root.toString();
    }

    private Speech speak() {
        return elevenLabs().synthesize(TEXT, Language.FR, 1.0, dir.resolve("voice.wav"));
    }

    @Test
    void writesAWavFileWithOneTimedWordPerWord() throws Exception {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(reply())));

        Speech speech = speak();

        PcmWav wav = PcmWav.parse(Files.readAllBytes(speech.audio())).orElseThrow();
        assertThat(wav.sampleRate()).isEqualTo(24_000);
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(wav.bitsPerSample()).isEqualTo(16);
        assertThat(speech.durationMillis()).isEqualTo(1_000);
        assertThat(speech.words()).containsExactly(new TimedWord("Bonjour", 0, 350), new TimedWord("le", 400, 500),
                new TimedWord("monde", 550, 800));
        assertThat(speech.call()).isEqualTo(new ProviderCall("eleven_multilingual_v2", "voice", 16, "character"));
        api.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("xi-api-key", equalTo(KEY))
                .withRequestBody(matchingJsonPath("$.text", equalTo(TEXT)))
                .withRequestBody(matchingJsonPath("$.model_id", equalTo("eleven_multilingual_v2")))
                .withRequestBody(matchingJsonPath("$.voice_settings.speed", equalTo("1.0")))
                .withRequestBody(notContaining("language_code")));
    }

    @Test
    void rateIsClampedToTheSpeedElevenLabsAccepts() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(reply())));

        elevenLabs().synthesize(TEXT, Language.FR, 1.5, dir.resolve("fast.wav"));
        elevenLabs().synthesize(TEXT, Language.FR, 0.5, dir.resolve("slow.wav"));

        api.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.voice_settings.speed", equalTo("1.2"))));
        api.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.voice_settings.speed", equalTo("0.7"))));
    }

    @Test
    void flashModelIsToldTheLanguage() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(reply())));

        elevenLabs(HttpTimeouts.ofSeconds(2, 5), "eleven_flash_v2_5").synthesize(TEXT, Language.of("fr-CA"), 1, dir.resolve("v.wav"));

        api.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.language_code", equalTo("fr"))));
    }

    @Test
    void exhaustedQuotaIsRateLimitedNotABadKey() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401).withBody(ErrorBodies.ELEVENLABS_QUOTA_EXCEEDED)));

        assertThatThrownBy(this::speak).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
            assertThat(e.getMessage()).contains("quota_exceeded").contains("91 credits");
        });
    }

    @ParameterizedTest(name = "HTTP {0} {1} is {2}")
    @CsvSource({
        "401, invalid_api_key, PERMANENT",
        "429, too_many_concurrent_requests, RATE_LIMITED",
        "429, system_busy, RATE_LIMITED",
        "400, max_character_limit_exceeded, PERMANENT",
        "422, validation, PERMANENT",
        "500, server, TRANSIENT",
        "503, server, TRANSIENT"})
    void errorsAreClassifiedFromStatusAndDetail(int status, String detail, Kind kind) {
        String body = switch (detail) {
            case "invalid_api_key" -> ErrorBodies.ELEVENLABS_INVALID_API_KEY;
            case "too_many_concurrent_requests" -> ErrorBodies.ELEVENLABS_TOO_MANY_CONCURRENT;
            case "system_busy" -> ErrorBodies.ELEVENLABS_SYSTEM_BUSY;
            case "max_character_limit_exceeded" -> ErrorBodies.ELEVENLABS_MAX_CHARACTERS;
            case "validation" -> ErrorBodies.ELEVENLABS_VALIDATION;
            default -> "<html><body>Bad gateway</body></html>";
        };
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status).withBody(body)));

        assertThatThrownBy(this::speak).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).contains("POST /v1/text-to-speech/" + VOICE + "/with-timestamps").doesNotContain(KEY);
        });
    }

    @Test
    void malformedJsonIsTransient() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"audio_base64\":\"AAAA")));

        assertThatThrownBy(this::speak).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void connectionResetIsTransient() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(this::speak).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void replySlowerThanTheTimeoutIsTransient() {
        api.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(reply()).withFixedDelay(1_500)));
        ElevenLabsSpeechSynthesizer impatient = elevenLabs(HttpTimeouts.of(Duration.ofMillis(500), Duration.ofMillis(300)),
                "eleven_multilingual_v2");

        assertThatThrownBy(() -> impatient.synthesize(TEXT, Language.FR, 1, dir.resolve("v.wav")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void isBuiltFromTheEnvironmentOnlyWithAKey() {
        assertThat(ElevenLabsSpeechSynthesizer.fromEnvironment(Map.of())).isEmpty();
        assertThat(ElevenLabsConfig.fromEnvironment(Map.of("REELFORGE_ELEVENLABS_API_KEY", KEY,
                "REELFORGE_ELEVENLABS_VOICE_ID", "v1", "REELFORGE_ELEVENLABS_MODEL", "eleven_v3")))
                .hasValueSatisfying(c -> {
                    assertThat(c.voiceId()).isEqualTo("v1");
                    assertThat(c.model()).isEqualTo("eleven_v3");
                    assertThat(c.toString()).doesNotContain(KEY);
                });
    }
}
