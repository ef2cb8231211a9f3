package org.reelforge.provider.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.video.Block;
import org.reelforge.video.Language;
import org.reelforge.video.Script;

/**
 * A {@link ScriptWriter} on any {@link LlmChat}: asks for schema-shaped JSON, validates it through the domain,
 * and when the reply is invalid (bad durations, wrong language, cut off at the token limit…) asks once more
 * with the list of errors. A second invalid reply fails PERMANENT, naming the errors. Thread-safe if the chat is.
 * Designed for extension only by the services' writers, which choose the chat and nothing else.
 */
public class LlmScriptWriter implements ScriptWriter {
    private final String name;
    private final String provider;
    private final String model;
    private final LlmChat chat;

    /**
     * @param provider short provider name for exception messages and {@link #name()}, e.g. {@code gemini}
     * @param model    the model id: {@link #name()} is {@code provider:model}, and calls are billed under it
     */
    public LlmScriptWriter(String provider, String model, LlmChat chat) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.model = Objects.requireNonNull(model, "model");
        this.name = provider + ":" + model;
        this.chat = Objects.requireNonNull(chat, "chat");
    }

    @Override
    public final String name() {
        return name;
    }

    /**
     * A typical script call for the estimate: about 1,500 prompt tokens, and 300 output tokens plus 150 per
     * block (thinking included), billed under the model.
     */
    @Override
    public List<ProviderCall> quote(Brief brief) {
        int blocks = brief.lengths().plan(brief.targetDurationSeconds()).size();
        return List.of(new ProviderCall(model, "script", 1500, "input_token"),
                new ProviderCall(model, "script", 300 + 150 * blocks, "output_token"));
    }

    @Override
    public Written write(Brief brief) {
        Validated<Script> script = ask("script", ScriptPrompts.scriptSystem(brief.lengths()), ScriptPrompts.brief(brief),
                "video_script", ReplySchemas.script(brief.lengths()), text -> ScriptReply.script(text, brief, model));
        return new Written(script.value(), script.calls());
    }

    @Override
    public Written adaptForSpeech(Script script, Language language) {
        Validated<Script> adapted = ask("adapt", ScriptPrompts.ADAPT_SYSTEM, ScriptPrompts.adapt(script, language),
                "speech_text", ReplySchemas.ADAPTED, text -> ScriptReply.adapted(text, script, language));
        return new Written(adapted.value(), adapted.calls());
    }

    /**
     * Rewrites the visual prompt and the spoken line together (both may be what was refused), with the style guide as
     * context; repaired once when invalid, like a script. A refusal or failure of the rewrite is thrown as is.
     */
    @Override
    public RewrittenBlock rewriteRefusedBlock(Block block, String styleGuide, String refusalReason, Language language) {
        Validated<Block> rewritten = ask("rewrite", ScriptPrompts.REWRITE_BLOCK_SYSTEM,
                ScriptPrompts.rewriteBlock(block, styleGuide == null ? "" : styleGuide, refusalReason, language),
                "clip_block", ReplySchemas.REWRITTEN_BLOCK, text -> ScriptReply.rewrittenBlock(text, block, language));
        return new RewrittenBlock(rewritten.value(), rewritten.calls());
    }

    private record Validated<T>(T value, List<ProviderCall> calls) {
    }

    private <T> Validated<T> ask(String operation, String system, String prompt, String schemaName, JsonNode schema,
                                 Function<String, T> validate) {
        List<LlmChat.Turn> turns = new ArrayList<>(List.of(new LlmChat.Turn(LlmChat.Role.USER, prompt)));
        List<ProviderCall> calls = new ArrayList<>();
        LlmChat.Reply first = complete(new LlmChat.Request(operation, system, turns, schemaName, schema), calls);
        calls.addAll(first.calls());
        try {
            return new Validated<>(check(first, validate), calls);
        } catch (InvalidReply invalid) {
            turns.add(new LlmChat.Turn(LlmChat.Role.MODEL, first.text()));
            turns.add(new LlmChat.Turn(LlmChat.Role.USER, ScriptPrompts.repair(invalid.errors())));
        }
        LlmChat.Reply second = complete(new LlmChat.Request(operation, system, turns, schemaName, schema), calls);
        calls.addAll(second.calls());
        try {
            return new Validated<>(check(second, validate), calls);
        } catch (InvalidReply stillInvalid) {
            throw ProviderException.permanent(provider, operation + ": the model's reply is still invalid after one "
                    + "repair: " + String.join("; ", stillInvalid.errors())).withCalls(calls);
        }
    }

    /** One chat call; a failure carries the calls already paid in this exchange, for the ledger. */
    private LlmChat.Reply complete(LlmChat.Request request, List<ProviderCall> paidSoFar) {
        try {
            return chat.complete(request);
        } catch (ProviderException e) {
            throw e.withCalls(paidSoFar);
        }
    }

    private static <T> T check(LlmChat.Reply reply, Function<String, T> validate) {
        if (reply.truncated()) {
            throw new InvalidReply("the reply was cut off at the output token limit: write shorter texts");
        }
        if (reply.text().isBlank()) {
            throw new InvalidReply("the reply was empty");
        }
        return validate.apply(reply.text());
    }
}
