package org.reelforge.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.http.FailureClassifier;
import org.reelforge.provider.http.JsonHttp;
import org.reelforge.provider.llm.LlmChat;
import org.reelforge.provider.llm.TextLimits;

/**
 * {@code POST /v1beta/models/{model}:generateContent} with {@code responseMimeType: application/json} and a
 * {@code responseSchema}. The JSON arrives as a string in {@code candidates[0].content.parts[].text}.
 * A blocked prompt ({@code promptFeedback.blockReason}) or a safety stop is REFUSED; RECITATION counts as
 * third-party content; MAX_TOKENS is a truncated reply, repaired by the caller.
 */
final class GeminiChat implements LlmChat {
    static final String PROVIDER = "gemini";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> REFUSALS = Set.of("SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII",
            "RECITATION", "IMAGE_SAFETY");

    private final GeminiConfig config;
    private final JsonHttp http;

    GeminiChat(GeminiConfig config) {
        this.config = config;
        this.http = new JsonHttp(PROVIDER, config.baseUrl(), Map.of("x-goog-api-key", config.apiKey()), config.timeouts());
    }

    @Override
    public Reply complete(Request request) {
        JsonNode reply = http.post("/v1beta/models/" + config.model() + ":generateContent", body(request));
        List<ProviderCall> calls = usage(reply, request.operation());
        String blocked = reply.path("promptFeedback").path("blockReason").asText("");
        if (!blocked.isEmpty()) {
            throw FailureClassifier.refusal(PROVIDER, request.operation() + " prompt", "blocked (" + blocked + ")").withCalls(calls);
        }
        JsonNode candidate = reply.path("candidates").path(0);
        String finish = candidate.path("finishReason").asText("");
        if (REFUSALS.contains(finish)) {
            throw FailureClassifier.refusal(PROVIDER, request.operation() + " reply", "stopped (" + finish + ")").withCalls(calls);
        }
        return new Reply(text(candidate), "MAX_TOKENS".equals(finish), calls);
    }

    private ObjectNode body(Request request) {
        ObjectNode body = NODES.objectNode();
        body.putObject("systemInstruction").putArray("parts").addObject().put("text", request.system());
        ArrayNode contents = body.putArray("contents");
        for (Turn turn : request.turns()) {
            ObjectNode content = contents.addObject().put("role", turn.role() == Role.USER ? "user" : "model");
            content.putArray("parts").addObject().put("text", turn.text());
        }
        ObjectNode generation = body.putObject("generationConfig").put("responseMimeType", "application/json")
                .<ObjectNode>set("responseSchema", GeminiSchema.of(request.schema()));
        generation.put("maxOutputTokens", config.limits().maxOutputTokens());
        if (config.limits().temperature()) {
            generation.put("temperature", 0.7); // deprecated from Gemini 3.6 on: sent only to models that take it
        }
        thinking(generation);
        return body;
    }

    /** Gemini 3.x takes a thinking level, 2.5 a thinking budget; both leave the rest of maxOutputTokens to the reply. */
    private void thinking(ObjectNode generation) {
        TextLimits limits = config.limits();
        if (limits.thinkingLevel() != null) {
            generation.putObject("thinkingConfig").put("thinkingLevel", limits.thinkingLevel());
        } else if (limits.thinkingBudget() != null) {
            generation.putObject("thinkingConfig").put("thinkingBudget", limits.thinkingBudget());
        }
    }

    /** The reply's text parts, skipping thought summaries. */
    private static String text(JsonNode candidate) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (!part.path("thought").asBoolean(false)) {
                text.append(part.path("text").asText(""));
            }
        }
        return text.toString();
    }

    /**
     * Input tokens, and output tokens including thinking (billed at the output price), noting the {@code modelVersion}
     * the service echoed: a retired id may be re-routed to another model at another price.
     */
    private List<ProviderCall> usage(JsonNode reply, String operation) {
        JsonNode usage = reply.path("usageMetadata");
        long input = usage.path("promptTokenCount").asLong(0);
        long output = usage.path("candidatesTokenCount").asLong(0) + usage.path("thoughtsTokenCount").asLong(0);
        String version = reply.path("modelVersion").asText("");
        String note = version.isBlank() ? null : "modelVersion " + version
                + (version.startsWith(config.model()) ? "" : " (asked for " + config.model() + ")");
        return List.of(new ProviderCall(config.model(), operation, input, "input_token", note, true),
                new ProviderCall(config.model(), operation, output, "output_token", note, true));
    }
}
