package org.reelforge.provider.elevenlabs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.audio.PcmWav;
import org.reelforge.provider.http.Call;
import org.reelforge.provider.http.FailureClassifier;
import org.reelforge.provider.http.JsonHttp;
import org.reelforge.video.Language;
import org.reelforge.video.Text;
import org.reelforge.video.TimedWord;

/**
 * ElevenLabs {@code POST /v1/text-to-speech/{voice}/with-timestamps?output_format=pcm_24000}: raw 16-bit mono
 * PCM (base64) wrapped here in a WAV header, and per-character timings grouped into words. The rate becomes
 * {@code voice_settings.speed}, clamped to ElevenLabs' 0.7–1.2. Note that ElevenLabs reports an exhausted
 * quota as 401 {@code quota_exceeded}: that is RATE_LIMITED, not a bad key. Thread-safe; blocks while speaking.
 */
public final class ElevenLabsSpeechSynthesizer implements SpeechSynthesizer {
    static final String PROVIDER = "elevenlabs";
    static final int SAMPLE_RATE = 24_000;
    static final double MIN_SPEED = 0.7;
    static final double MAX_SPEED = 1.2;

    private final ElevenLabsConfig config;
    private final JsonHttp http;

    public ElevenLabsSpeechSynthesizer(ElevenLabsConfig config) {
        this.config = config;
        this.http = new JsonHttp(PROVIDER, config.baseUrl(), Map.of("xi-api-key", config.apiKey()), config.timeouts());
    }

    /** Empty when {@code REELFORGE_ELEVENLABS_API_KEY} is not set; see {@link ElevenLabsConfig#fromEnvironment}. */
    public static Optional<ElevenLabsSpeechSynthesizer> fromEnvironment(Map<String, String> env) {
        return ElevenLabsConfig.fromEnvironment(env).map(ElevenLabsSpeechSynthesizer::new);
    }

    @Override
    public String name() {
        return "elevenlabs:" + config.model();
    }

    @Override
    public ProviderCall quote(int characters) {
        return new ProviderCall(config.model(), "voice", characters, "character");
    }

    @Override
    public Speech synthesize(String text, Language language, double rate, Path target) {
        return synthesize(text, language, rate, null, target);
    }

    /** {@code voice}: an ElevenLabs voice id (letters and digits) for this video, or null for the configured one. */
    @Override
    public Speech synthesize(String text, Language language, double rate, String voice, Path target) {
        String id = voice == null ? config.voiceId() : voice;
        if (!id.matches("[A-Za-z0-9]{1,64}")) {
            throw ProviderException.permanent(PROVIDER, "an ElevenLabs voice id is letters and digits, got \""
                    + Text.preview(id) + "\"");
        }
        String path = "/v1/text-to-speech/" + id + "/with-timestamps?output_format=pcm_" + SAMPLE_RATE;
        JsonNode reply = http.post(path, body(text, language, rate));
        PcmWav wav = new PcmWav(SAMPLE_RATE, 1, 16, audio(reply, Call.of(PROVIDER, "POST", path)));
        try {
            wav.write(target);
        } catch (UncheckedIOException e) {
            throw ProviderException.transientError(PROVIDER, e.getMessage(), e);
        }
        return new Speech(target, wav.durationMillis(), words(reply, text, wav.durationMillis()),
                new ProviderCall(config.model(), "voice", Text.length(text), "character"));
    }

    /** The configured voice (ElevenLabs' own list needs the account's voice library; any voice id may be given). */
    @Override
    public java.util.List<Voice> voices(Language language) {
        return java.util.List.of(new Voice(config.voiceId(), "configured voice (REELFORGE_ELEVENLABS_VOICE_ID)", language.tag()));
    }

    private ObjectNode body(String text, Language language, double rate) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("text", text).put("model_id", config.model());
        if (enforcesLanguage(config.model())) {
            body.put("language_code", language.code());
        }
        body.putObject("voice_settings").put("stability", 0.5).put("similarity_boost", 0.75).put("style", 0)
                .put("use_speaker_boost", true).put("speed", speed(rate));
        return body;
    }

    static double speed(double rate) {
        return Math.max(MIN_SPEED, Math.min(MAX_SPEED, rate));
    }

    /** ElevenLabs rejects {@code language_code} on models that cannot enforce a language (only the v2.5 ones can). */
    private static boolean enforcesLanguage(String model) {
        return model.endsWith("_v2_5");
    }

    private static byte[] audio(JsonNode reply, Call call) {
        String base64 = reply.path("audio_base64").asText("");
        if (base64.isEmpty()) {
            throw FailureClassifier.unexpectedReply(call, "audio_base64");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw FailureClassifier.malformedReply(call, e);
        }
    }

    private static List<TimedWord> words(JsonNode reply, String text, long durationMillis) {
        JsonNode alignment = reply.path("alignment").isObject() ? reply.path("alignment") : reply.path("normalized_alignment");
        List<TimedWord> words = CharacterAlignment.words(alignment);
        return words.isEmpty() ? CharacterAlignment.spread(text, durationMillis) : words;
    }
}
