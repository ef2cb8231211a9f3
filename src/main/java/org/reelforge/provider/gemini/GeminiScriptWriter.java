package org.reelforge.provider.gemini;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.llm.LlmScriptWriter;
import org.reelforge.video.Language;
import org.reelforge.video.Script;

/**
 * Writes scripts with Gemini's structured output (JSON with a response schema), validated through the domain
 * and repaired once when invalid; see {@link LlmScriptWriter}. Costs are reported as input and output tokens
 * (output including thinking) under the model id. Thread-safe; calls block for the model's reply.
 */
public final class GeminiScriptWriter implements ScriptWriter {
    private final LlmScriptWriter writer;
    private final String model;

    public GeminiScriptWriter(GeminiConfig config) {
        this.model = config.model();
        this.writer = new LlmScriptWriter("gemini:" + config.model(), GeminiChat.PROVIDER, new GeminiChat(config));
    }

    /** Empty when {@code REELFORGE_GEMINI_API_KEY} is not set; see {@link GeminiConfig#fromEnvironment}. */
    public static Optional<GeminiScriptWriter> fromEnvironment(Map<String, String> env) {
        return GeminiConfig.fromEnvironment(env).map(GeminiScriptWriter::new);
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
