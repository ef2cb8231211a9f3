package org.reelforge.provider.elevenlabs;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.reelforge.provider.http.Environment;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;

/**
 * ElevenLabs text-to-speech.
 *
 * @param baseUrl e.g. {@code https://api.elevenlabs.io} (or a regional host)
 * @param apiKey  sent as {@code xi-api-key}
 * @param voiceId the voice to speak with
 * @param model   e.g. {@code eleven_multilingual_v2}; also the cost ledger's provider key
 */
public record ElevenLabsConfig(URI baseUrl, Secret apiKey, String voiceId, String model, HttpTimeouts timeouts) {
    public static final String DEFAULT_BASE_URL = "https://api.elevenlabs.io";
    /** "George", one of the premade multilingual voices every account has. */
    public static final String DEFAULT_VOICE_ID = "JBFqnCBsd6RMkjVDRZzb";
    public static final String DEFAULT_MODEL = "eleven_multilingual_v2";

    public ElevenLabsConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(voiceId, "voiceId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /**
     * From {@code REELFORGE_ELEVENLABS_API_KEY} (required), {@code REELFORGE_ELEVENLABS_BASE_URL},
     * {@code REELFORGE_ELEVENLABS_VOICE_ID}, {@code REELFORGE_ELEVENLABS_MODEL}.
     */
    public static Optional<ElevenLabsConfig> fromEnvironment(Map<String, String> env) {
        Environment e = new Environment(env);
        return e.secret("REELFORGE_ELEVENLABS_API_KEY").map(key -> new ElevenLabsConfig(
                e.uri("REELFORGE_ELEVENLABS_BASE_URL", DEFAULT_BASE_URL), key,
                e.get("REELFORGE_ELEVENLABS_VOICE_ID", DEFAULT_VOICE_ID),
                e.get("REELFORGE_ELEVENLABS_MODEL", DEFAULT_MODEL), HttpTimeouts.ofSeconds(10, 120)));
    }
}
