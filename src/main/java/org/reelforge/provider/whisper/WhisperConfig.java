package org.reelforge.provider.whisper;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.reelforge.provider.http.Environment;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;

/**
 * OpenAI's transcription API (or a server that imitates it).
 *
 * @param baseUrl        e.g. {@code https://api.openai.com}; a trailing {@code /v1} is accepted and dropped
 * @param model          {@code whisper-1}; also the cost ledger's provider key
 * @param maxUploadBytes larger files are cut into WAV pieces of at most this size (OpenAI's limit is 25 MB)
 */
public record WhisperConfig(URI baseUrl, Secret apiKey, String model, long maxUploadBytes, HttpTimeouts timeouts) {
    public static final String DEFAULT_BASE_URL = "https://api.openai.com";
    public static final String DEFAULT_MODEL = "whisper-1";
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 25_000_000;

    public WhisperConfig {
        baseUrl = withoutVersion(Objects.requireNonNull(baseUrl, "baseUrl"));
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeouts, "timeouts");
        if (maxUploadBytes < 1024) {
            throw new IllegalArgumentException("maxUploadBytes must be at least 1024 (got " + maxUploadBytes + ")");
        }
    }

    /**
     * From {@code REELFORGE_WHISPER_API_KEY} (or else {@code REELFORGE_OPENAI_API_KEY}; one is required) and
     * {@code REELFORGE_WHISPER_BASE_URL}.
     */
    public static Optional<WhisperConfig> fromEnvironment(Map<String, String> env) {
        Environment e = new Environment(env);
        return e.secret("REELFORGE_WHISPER_API_KEY").or(() -> e.secret("REELFORGE_OPENAI_API_KEY"))
                .map(key -> new WhisperConfig(e.uri("REELFORGE_WHISPER_BASE_URL", DEFAULT_BASE_URL), key, DEFAULT_MODEL,
                        DEFAULT_MAX_UPLOAD_BYTES, HttpTimeouts.ofSeconds(10, 300)));
    }

    static URI withoutVersion(URI uri) {
        String text = uri.toString().replaceAll("/+$", "");
        return URI.create(text.endsWith("/v1") ? text.substring(0, text.length() - 3) : text);
    }
}
