package org.reelforge.provider.omni;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.reelforge.provider.PriceKeys;
import org.reelforge.provider.ClipGenerator.Poll;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.http.FailureClassifier;
import org.reelforge.video.ErrorCategory;

/**
 * Reads an interaction ({@code {id, status, steps[], usage, errors[]}}) into a {@link Poll}.
 *
 * <pre>
 * status                                   Poll
 * in_progress, queued                      Running
 * completed with a video block             Done (billed from usage: video output tokens)
 * completed without a video                Failed REFUSED (not charged)
 * failed: errors[] with RESOURCE_EXHAUSTED  Failed RATE_LIMITED
 *         INTERNAL/UNAVAILABLE/DEADLINE…   Failed TRANSIENT
 *         INVALID_ARGUMENT, NOT_FOUND…      Failed PERMANENT
 *         anything else (safety)           Failed REFUSED (not charged)
 * incomplete, cancelled                    Failed TRANSIENT
 * budget_exceeded, requires_action, other  Failed PERMANENT
 * </pre>
 * The video is the last {@code type:"video"} content of the {@code model_output} steps after the last
 * {@code user_input} step (as the SDK derives {@code output_video}); it carries {@code uri} or inline {@code data}.
 */
final class InteractionReader {
    private static final Set<String> RUNNING = Set.of("in_progress", "queued");
    private static final Set<String> RATE = Set.of("RESOURCE_EXHAUSTED", "8", "429");
    private static final Set<String> TRANSIENT = Set.of("INTERNAL", "UNAVAILABLE", "DEADLINE_EXCEEDED", "ABORTED",
            "UNKNOWN", "13", "14", "4", "10", "2", "500", "503", "504");
    private static final Set<String> PERMANENT = Set.of("INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED",
            "FAILED_PRECONDITION", "UNAUTHENTICATED", "UNIMPLEMENTED", "3", "5", "7", "9", "12", "16", "400", "401",
            "403", "404");

    private final String provider;
    private final String model;

    InteractionReader(String provider, String model) {
        this.provider = provider;
        this.model = model;
    }

    /** The video content block of a finished interaction. */
    record Video(Optional<String> uri, Optional<String> data) {
    }

    Poll read(JsonNode interaction, OmniHandle handle, String resolution) {
        String status = interaction.path("status").asText("");
        String what = "interaction " + handle.interactionId();
        if (RUNNING.contains(status)) {
            return new Poll.Running();
        }
        return switch (status) {
            case "completed" -> video(interaction).<Poll>map(v -> new Poll.Done(handle.encode(), 0,
                            billed(interaction, resolution)))
                    .orElseGet(() -> new Poll.Failed(FailureClassifier.refusal(provider, what,
                            "completed without a video" + said(interaction))));
            case "failed" -> new Poll.Failed(failed(what, interaction));
            case "incomplete", "cancelled" -> new Poll.Failed(ProviderException.transientError(provider, what + " ended "
                    + status + errors(interaction), null));
            default -> new Poll.Failed(ProviderException.permanent(provider, what + " ended " + (status.isEmpty()
                    ? "without a status" : status) + errors(interaction)));
        };
    }

    static Optional<Video> video(JsonNode interaction) {
        JsonNode steps = interaction.path("steps");
        for (int i = steps.size() - 1; i >= 0; i--) {
            JsonNode step = steps.get(i);
            String type = step.path("type").asText("");
            if (type.equals("user_input")) {
                break;
            }
            if (!type.equals("model_output")) {
                continue;
            }
            JsonNode content = step.path("content");
            for (int j = content.size() - 1; j >= 0; j--) {
                JsonNode c = content.get(j);
                if (c.path("type").asText("").equals("video") && (c.hasNonNull("uri") || c.hasNonNull("data"))) {
                    return Optional.of(new Video(text(c, "uri"), text(c, "data")));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String field) {
        String v = node.path(field).asText("");
        return v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** What the service reports it billed: the video output tokens, at the resolution asked. */
    private List<ProviderCall> billed(JsonNode interaction, String resolution) {
        JsonNode usage = interaction.path("usage");
        long video = -1;
        for (JsonNode m : usage.path("output_tokens_by_modality")) {
            if (m.path("modality").asText("").equalsIgnoreCase("video")) {
                video = m.path("tokens").asLong(0);
            }
        }
        if (video < 0 && usage.has("total_output_tokens")) {
            video = usage.path("total_output_tokens").asLong(0);
        }
        if (video < 0) {
            return List.of(); // no usage on the wire: the submit's quote stands
        }
        String note = "usage: " + usage.path("total_input_tokens").asLong(0) + " input, " + video + " video output tokens"
                + (interaction.hasNonNull("model") ? "; model " + interaction.path("model").asText() : "");
        return List.of(new ProviderCall(PriceKeys.provider(model, resolution), "clip", video, "output_token", note, true));
    }

    private ProviderException failed(String what, JsonNode interaction) {
        List<String> codes = new ArrayList<>();
        interaction.path("errors").forEach(e -> codes.add(e.path("code").asText("").toUpperCase(Locale.ROOT)));
        String text = what + " failed" + errors(interaction);
        if (codes.stream().anyMatch(RATE::contains)) {
            return ProviderException.rateLimited(provider, text, null);
        }
        if (!codes.isEmpty() && codes.stream().allMatch(TRANSIENT::contains)) {
            return ProviderException.transientError(provider, text, null);
        }
        if (!codes.isEmpty() && codes.stream().allMatch(PERMANENT::contains)) {
            return ProviderException.permanent(provider, text);
        }
        return FailureClassifier.refusal(provider, what, errors(interaction).replaceFirst("^: ", ""));
    }

    /** ": CODE message; CODE message" from errors[] (code a string or a number), empty when none. */
    private static String errors(JsonNode interaction) {
        List<String> out = new ArrayList<>();
        interaction.path("errors").forEach(e -> out.add((e.path("code").asText("") + " " + e.path("message").asText("")).strip()));
        return out.isEmpty() ? "" : ": " + String.join("; ", out);
    }

    /** The model's own words when it answered with text instead of a video (often the reason of a refusal). */
    private static String said(JsonNode interaction) {
        StringBuilder text = new StringBuilder();
        for (JsonNode step : interaction.path("steps")) {
            if (step.path("type").asText("").equals("model_output")) {
                step.path("content").forEach(c -> {
                    if (c.path("type").asText("").equals("text")) {
                        text.append(c.path("text").asText("")).append(' ');
                    }
                });
                if (step.hasNonNull("error")) {
                    text.append(step.path("error").path("message").asText(step.path("error").asText(""))).append(' ');
                }
            }
        }
        String t = text.toString().strip();
        return t.isEmpty() ? errors(interaction) : ": " + t;
    }
}
