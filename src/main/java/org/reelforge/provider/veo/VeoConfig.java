package org.reelforge.provider.veo;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.http.Environment;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;

/**
 * Veo on the Gemini API (generativelanguage).
 *
 * @param baseUrl  e.g. {@code https://generativelanguage.googleapis.com}
 * @param apiKey   sent as {@code x-goog-api-key}, never in the URL
 * @param model        e.g. {@code veo-3.1-fast-generate-preview} (shut down on 2026-10-22, as every Veo id of this API)
 * @param capabilities from the model catalog
 */
public record VeoConfig(URI baseUrl, Secret apiKey, String model, ClipCapabilities capabilities, HttpTimeouts timeouts) {
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

    public VeoConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /**
     * From {@code REELFORGE_GEMINI_API_KEY} (required), {@code REELFORGE_GEMINI_BASE_URL} and
     * {@code REELFORGE_VEO_MODEL} (else {@code defaultModel}); empty when there is no key.
     */
    public static Optional<VeoConfig> fromEnvironment(Map<String, String> env, String defaultModel,
                                                      Function<String, ClipCapabilities> capabilities) {
        Environment e = new Environment(env);
        String model = e.get("REELFORGE_VEO_MODEL", defaultModel);
        return e.secret("REELFORGE_GEMINI_API_KEY").map(key -> new VeoConfig(
                e.uri("REELFORGE_GEMINI_BASE_URL", DEFAULT_BASE_URL), key, model, capabilities.apply(model),
                HttpTimeouts.ofSeconds(10, 60)));
    }
}
