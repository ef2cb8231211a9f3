package org.reelforge.provider.gemini;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.reelforge.provider.http.Environment;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;

/**
 * Gemini generateContent.
 *
 * @param baseUrl e.g. {@code https://generativelanguage.googleapis.com}
 * @param apiKey  sent as {@code x-goog-api-key}
 * @param model   e.g. {@code gemini-2.5-flash}; also the cost ledger's provider key
 */
public record GeminiConfig(URI baseUrl, Secret apiKey, String model, HttpTimeouts timeouts) {
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";
    public static final String DEFAULT_MODEL = "gemini-2.5-flash";

    public GeminiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** From {@code REELFORGE_GEMINI_API_KEY} (required), {@code REELFORGE_GEMINI_BASE_URL}, {@code REELFORGE_GEMINI_MODEL}. */
    public static Optional<GeminiConfig> fromEnvironment(Map<String, String> env) {
        Environment e = new Environment(env);
        return e.secret("REELFORGE_GEMINI_API_KEY").map(key -> new GeminiConfig(
                e.uri("REELFORGE_GEMINI_BASE_URL", DEFAULT_BASE_URL), key,
                e.get("REELFORGE_GEMINI_MODEL", DEFAULT_MODEL), HttpTimeouts.ofSeconds(10, 120)));
    }
}
