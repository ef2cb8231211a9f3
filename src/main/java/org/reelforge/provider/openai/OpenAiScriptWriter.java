package org.reelforge.provider.openai;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.llm.LlmScriptWriter;
import org.reelforge.video.Language;
import org.reelforge.video.Script;

/**
 * Writes scripts with any OpenAI-compatible chat completions endpoint (OpenAI, Ollama, vLLM) using strict JSON
 * schema output, validated through the domain and repaired once when invalid; see {@link LlmScriptWriter}.
 * Thread-safe; calls block for the model's reply.
 */
public final class OpenAiScriptWriter implements ScriptWriter {
    private final LlmScriptWriter writer;
    private final String model;

    public OpenAiScriptWriter(OpenAiConfig config) {
        this.model = config.model();
        this.writer = new LlmScriptWriter("openai:" + config.model(), OpenAiChat.PROVIDER, new OpenAiChat(config));
    }

    /** Empty unless a key or a base URL is set; see {@link OpenAiConfig#fromEnvironment}. */
    public static Optional<OpenAiScriptWriter> fromEnvironment(Map<String, String> env) {
        return OpenAiConfig.fromEnvironment(env).map(OpenAiScriptWriter::new);
    }

    @Override
    public String name() {
        return writer.name();
    }

    @Override
    public List<ProviderCall> quote(Brief brief) {
        return LlmScriptWriter.typicalScriptCall(model, brief);
    }

    @Override
    public Written write(Brief brief) {
        return writer.write(brief);
    }

    @Override
    public Written adaptForSpeech(Script script, Language language) {
        return writer.adaptForSpeech(script, language);
    }

    @Override
    public Rewritten rewriteRefusedPrompt(String prompt, String refusalReason, Language language) {
        return writer.rewriteRefusedPrompt(prompt, refusalReason, language);
    }
}
