package org.reelforge.provider.gemini;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.reelforge.provider.llm.LlmScriptWriter;
import org.reelforge.provider.llm.TextLimits;

/**
 * Writes scripts with Gemini's structured output (JSON with a response schema), validated through the domain
 * and repaired once when invalid; see {@link LlmScriptWriter}. Costs are reported as input and output tokens
 * (output including thinking) under the model id, with the model version the service echoed. Thread-safe; calls
 * block for the model's reply.
 */
public final class GeminiScriptWriter extends LlmScriptWriter {
    public GeminiScriptWriter(GeminiConfig config) {
        super(GeminiChat.PROVIDER, config.model(), new GeminiChat(config));
    }

    /** Empty when {@code REELFORGE_GEMINI_API_KEY} is not set; see {@link GeminiConfig#fromEnvironment}. */
    public static Optional<GeminiScriptWriter> fromEnvironment(Map<String, String> env, String defaultModel,
                                                               Function<String, TextLimits> limits) {
        return GeminiConfig.fromEnvironment(env, defaultModel, limits).map(GeminiScriptWriter::new);
    }
}
