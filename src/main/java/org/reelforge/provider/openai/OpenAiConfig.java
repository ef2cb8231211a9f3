package org.reelforge.provider.openai;

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
 * Any OpenAI-compatible chat completions endpoint: OpenAI, Ollama ({@code http://localhost:11434}), vLLM…
 *
 * @param baseUrl e.g. {@code https://api.openai.com}; a trailing {@code /v1} is accepted and dropped
 * @param apiKey  sent as {@code Authorization: Bearer}; empty for servers that need none (Ollama)
 * @param model   e.g. {@code gpt-4o-mini} or {@code llama3.1}; also the cost ledger's provider key
 * @param limits  reply size and whether the model takes a temperature (from the model catalog)
 */
public record OpenAiConfig(URI baseUrl, Optional<Secret> apiKey, String model, TextLimits limits, HttpTimeouts timeouts) {
    public static final String DEFAULT_BASE_URL = "https://api.openai.com";

    public OpenAiConfig {
        baseUrl = withoutVersion(Objects.requireNonNull(baseUrl, "baseUrl"));
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /**
     * From {@code REELFORGE_OPENAI_API_KEY}, {@code REELFORGE_OPENAI_BASE_URL} and {@code REELFORGE_OPENAI_MODEL}.
     * Present when the key is set, or when a base URL is set without a key (a local Ollama or vLLM server);
     * empty otherwise. The model is {@code defaultModel} unless {@code REELFORGE_OPENAI_MODEL} names one.
     */
    public static Optional<OpenAiConfig> fromEnvironment(Map<String, String> env, String defaultModel,
                                                         Function<String, TextLimits> limits) {
        Environment e = new Environment(env);
        Optional<Secret> key = e.secret("REELFORGE_OPENAI_API_KEY");
        if (key.isEmpty() && e.optional("REELFORGE_OPENAI_BASE_URL").isEmpty()) {
            return Optional.empty();
        }
        String model = e.get("REELFORGE_OPENAI_MODEL", defaultModel);
        return Optional.of(new OpenAiConfig(e.uri("REELFORGE_OPENAI_BASE_URL", DEFAULT_BASE_URL), key, model,
                limits.apply(model), HttpTimeouts.ofSeconds(10, 180)));
    }

    private static URI withoutVersion(URI uri) {
        String text = uri.toString().replaceAll("/+$", "");
        return URI.create(text.endsWith("/v1") ? text.substring(0, text.length() - 3) : text);
    }
}
