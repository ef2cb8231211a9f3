package org.reelforge.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.http.FailureClassifier;
import org.reelforge.provider.http.JsonHttp;
import org.reelforge.provider.http.Secret;
import org.reelforge.provider.llm.LlmChat;

/**
 * {@code POST /v1/chat/completions} with {@code response_format: json_schema} in strict mode (Ollama uses only
 * the schema and ignores name and strict). A {@code refusal} or {@code finish_reason: content_filter} is REFUSED;
 * {@code length} is a truncated reply, repaired by the caller.
 */
final class OpenAiChat implements LlmChat {
    static final String PROVIDER = "openai";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OpenAiConfig config;
    private final JsonHttp http;

    OpenAiChat(OpenAiConfig config) {
        this.config = config;
        Map<String, Secret> auth = config.apiKey()
                .map(key -> Map.of("Authorization", new Secret("Bearer " + key.reveal())))
                .orElse(Map.of());
        this.http = new JsonHttp(PROVIDER, config.baseUrl(), auth, config.timeouts());
    }

    @Override
    public Reply complete(Request request) {
        JsonNode reply = http.post("/v1/chat/completions", body(request));
        JsonNode choice = reply.path("choices").path(0);
        List<ProviderCall> calls = usage(reply, request.operation());
        String refusal = choice.path("message").path("refusal").asText("");
        if (!refusal.isBlank()) {
            throw FailureClassifier.refusal(PROVIDER, request.operation() + " reply", refusal).withCalls(calls);
        }
        String finish = choice.path("finish_reason").asText("");
        if (finish.equals("content_filter")) {
            throw FailureClassifier.refusal(PROVIDER, request.operation() + " reply", "stopped by the content filter")
                    .withCalls(calls);
        }
        return new Reply(choice.path("message").path("content").asText(""), finish.equals("length"), calls);
    }

    private ObjectNode body(Request request) {
        ObjectNode body = NODES.objectNode().put("model", config.model());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", request.system());
        for (Turn turn : request.turns()) {
            messages.addObject().put("role", turn.role() == Role.USER ? "user" : "assistant").put("content", turn.text());
        }
        body.putObject("response_format").put("type", "json_schema").putObject("json_schema")
                .put("name", request.schemaName()).put("strict", true).set("schema", request.schema().deepCopy());
        body.put("max_tokens", config.limits().maxOutputTokens());
        return config.limits().temperature() ? body.put("temperature", 0.7) : body;
    }

    /** Prompt and completion tokens (reasoning tokens are part of the completion count), noting the model that answered. */
    private List<ProviderCall> usage(JsonNode reply, String operation) {
        JsonNode usage = reply.path("usage");
        String answered = reply.path("model").asText("");
        String note = answered.isBlank() ? null : "model " + answered;
        return List.of(new ProviderCall(config.model(), operation, usage.path("prompt_tokens").asLong(0), "input_token", note, true),
                new ProviderCall(config.model(), operation, usage.path("completion_tokens").asLong(0), "output_token", note, true));
    }
}
