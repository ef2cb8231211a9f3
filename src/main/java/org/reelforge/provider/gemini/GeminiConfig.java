package org.reelforge.provider.gemini;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.reelforge.provider.http.Environment;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;
import org.reelforge.provider.llm.TextLimits;

/**
 * Gemini generateContent.
 *
 * @param baseUrl e.g. {@code https://generativelanguage.googleapis.com}
 * @param apiKey  sent as {@code x-goog-api-key}
 * @param model   e.g. {@code gemini-3.8-flash}; also the cost ledger's provider key
 * @param limits  reply size, thinking and temperature settings of the model (from the model catalog)
 */
public record GeminiConfig(URI baseUrl, Secret apiKey, String model, TextLimits limits, HttpTimeouts timeouts) {
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

    public GeminiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /**
     * From {@code REELFORGE_GEMINI_API_KEY} (required), {@code REELFORGE_GEMINI_BASE_URL} and {@code REELFORGE_GEMINI_MODEL}
     * (else {@code defaultModel}); empty when there is no key.
     *
     * @param limits the settings of a model id (the catalog's, or {@link TextLimits#UNKNOWN})
     */
    public static Optional<GeminiConfig> fromEnvironment(Map<String, String> env, String defaultModel,
                                                         Function<String, TextLimits> limits) {
        Environment e = new Environment(env);
        String model = e.get("REELFORGE_GEMINI_MODEL", defaultModel);
        return e.secret("REELFORGE_GEMINI_API_KEY").map(key -> new GeminiConfig(
                e.uri("REELFORGE_GEMINI_BASE_URL", DEFAULT_BASE_URL), key, model, limits.apply(model),
                HttpTimeouts.ofSeconds(10, 180)));
    }
}
