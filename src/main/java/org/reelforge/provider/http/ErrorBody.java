package org.reelforge.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * What an error body says, whatever the provider's dialect:
 * Google {@code {"error":{"code","message","status","details":[ErrorInfo, RetryInfo…]}}},
 * OpenAI/Ollama {@code {"error":{"message","type","code"}}}, ElevenLabs {@code {"detail":{"status","message"}}}
 * or {@code {"detail":[{"msg"…}]}}, whisper.cpp {@code {"error":"…"}}, or anything else (kept as a snippet).
 *
 * @param message    the provider's own message
 * @param code       the machine-readable code: Google {@code status}, OpenAI {@code code} (else {@code type}),
 *                   ElevenLabs {@code detail.status}; empty when none
 * @param reason     Google {@code ErrorInfo.reason} (e.g. API_KEY_INVALID); empty when none
 * @param retryDelay Google {@code RetryInfo.retryDelay}, when present
 */
record ErrorBody(String message, String code, String reason, Optional<Duration> retryDelay) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROTO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)s");
    private static final int SNIPPET = 300;

    static ErrorBody parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject()) {
                return fromJson(root, text);
            }
        } catch (IOException notJson) {
            // an HTML error page from a proxy, a truncated body: keep a snippet as the message
        }
        return new ErrorBody(snippet(text), "", "", Optional.empty());
    }

    private static ErrorBody fromJson(JsonNode root, String text) {
        JsonNode error = root.path("error");
        if (error.isTextual()) {
            return new ErrorBody(error.asText(), "", "", Optional.empty());
        }
        if (error.isObject()) {
            String code = firstText(error.path("status"), error.path("code"), error.path("type"));
            return new ErrorBody(error.path("message").asText(""), code, errorInfoReason(error.path("details")),
                    retryDelay(error.path("details")));
        }
        JsonNode detail = root.path("detail");
        if (detail.isObject()) {
            return new ErrorBody(detail.path("message").asText(""), detail.path("status").asText(""), "", Optional.empty());
        }
        if (detail.isArray()) {
            String messages = StreamSupport.stream(detail.spliterator(), false)
                    .map(d -> d.path("loc") + " " + d.path("msg").asText(""))
                    .collect(Collectors.joining("; "));
            return new ErrorBody(messages, "validation_error", "", Optional.empty());
        }
        if (detail.isTextual()) {
            return new ErrorBody(detail.asText(), "", "", Optional.empty());
        }
        return new ErrorBody(snippet(text), "", "", Optional.empty());
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode node : candidates) {
            if (node.isTextual() && !node.asText().isBlank()) {
                return node.asText();
            }
        }
        return "";
    }

    private static String errorInfoReason(JsonNode details) {
        for (JsonNode detail : details) {
            if (detail.path("@type").asText("").endsWith("google.rpc.ErrorInfo")) {
                return detail.path("reason").asText("");
            }
        }
        return "";
    }

    private static Optional<Duration> retryDelay(JsonNode details) {
        for (JsonNode detail : details) {
            if (detail.path("@type").asText("").endsWith("google.rpc.RetryInfo")) {
                return protoDuration(detail.path("retryDelay").asText(""));
            }
        }
        return Optional.empty();
    }

    /** A protobuf JSON duration such as {@code "23s"} or {@code "23.47s"}. */
    static Optional<Duration> protoDuration(String value) {
        Matcher m = PROTO_DURATION.matcher(value.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(m.group(1)) * 1000)));
    }

    private static String snippet(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SNIPPET ? oneLine : oneLine.substring(0, SNIPPET) + "…";
    }

    /** "status/reason: message", skipping the parts that are empty. */
    String describe() {
        StringBuilder out = new StringBuilder();
        if (!code.isEmpty()) {
            out.append(code);
        }
        if (!reason.isEmpty()) {
            out.append(out.length() > 0 ? " " : "").append(reason);
        }
        if (!message.isEmpty()) {
            out.append(out.length() > 0 ? ": " : "").append(message);
        }
        return out.toString();
    }
}
