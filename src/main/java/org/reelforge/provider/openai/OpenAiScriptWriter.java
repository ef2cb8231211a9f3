package org.reelforge.provider.openai;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.reelforge.provider.llm.TextLimits;
import org.reelforge.provider.llm.LlmScriptWriter;

/**
 * Writes scripts with any OpenAI-compatible chat completions endpoint (OpenAI, Ollama, vLLM) using strict JSON
 * schema output, validated through the domain and repaired once when invalid; see {@link LlmScriptWriter}.
 * Thread-safe; calls block for the model's reply.
 */
public final class OpenAiScriptWriter extends LlmScriptWriter {
    public OpenAiScriptWriter(OpenAiConfig config) {
        super(OpenAiChat.PROVIDER, config.model(), new OpenAiChat(config));
    }

    /** Empty unless a key or a base URL is set; see {@link OpenAiConfig#fromEnvironment}. */
    public static Optional<OpenAiScriptWriter> fromEnvironment(Map<String, String> env, String defaultModel,
                                                               Function<String, TextLimits> limits) {
        return OpenAiConfig.fromEnvironment(env, defaultModel, limits).map(OpenAiScriptWriter::new);
    }
}
