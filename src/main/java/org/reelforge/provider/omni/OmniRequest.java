package org.reelforge.provider.omni;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.reelforge.provider.ClipGenerator.ClipRequest;
import org.reelforge.provider.ProviderException;

/**
 * The body of {@code POST /interactions} for one block, snake_case as on the wire:
 * <pre>
 * {"model", "input":[{"type":"image","mime_type":"image/png","data"}…, {"type":"text","text"}],
 *  "generation_config":{"video_config":{"task"}}, "response_format":{"type":"video","aspect_ratio","resolution","delivery"},
 *  "previous_interaction_id"?, "background":true, "store":true}
 * </pre>
 * Omni has no audio switch, no negative prompt and no system instruction: what must not happen is written into the
 * prompt ("No subtitles", "No dialogue"). An extension says "Extend this video" and re-sends {@code response_format};
 * a first frame is bound with {@code <FIRST_FRAME>}, the anchored key frame with {@code <IMAGE_REF_0>}.
 */
final class OmniRequest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OmniRequest() {
    }

    static ObjectNode body(OmniConfig config, ClipRequest request, Optional<String> previousInteraction) {
        ObjectNode body = NODES.objectNode().put("model", config.model());
        ArrayNode input = body.putArray("input");
        request.firstFrame().ifPresent(frame -> image(input, frame, "first frame"));
        request.referenceImage().ifPresent(reference -> image(input, reference, "reference image"));
        input.addObject().put("type", "text").put("text", prompt(request, previousInteraction.isPresent()));
        body.putObject("generation_config").putObject("video_config").put("task", task(request, previousInteraction));
        ObjectNode format = body.putObject("response_format").put("type", "video")
                .put("aspect_ratio", request.aspectRatio()).put("resolution", request.resolution());
        if (config.credential() instanceof OmniConfig.Credential.Bearer && config.storageUri().isEmpty()) {
            format.put("delivery", "inline");
        } else {
            format.put("delivery", "uri");
            config.storageUri().ifPresent(uri -> format.put("gcs_uri", uri));
        }
        previousInteraction.ifPresent(id -> body.put("previous_interaction_id", id));
        return body.put("background", true).put("store", true);
    }

    private static String task(ClipRequest request, Optional<String> previous) {
        if (previous.isPresent()) {
            return "extend";
        }
        if (request.firstFrame().isPresent()) {
            return "image_to_video";
        }
        return request.referenceImage().isPresent() ? "reference_to_video" : "text_to_video";
    }

    static String prompt(ClipRequest request, boolean extension) {
        StringBuilder p = new StringBuilder();
        if (extension) {
            p.append("Extend this video: continue the same shot seamlessly, same characters, setting and light.\n");
        }
        request.firstFrame().ifPresent(f -> p.append("<FIRST_FRAME> The clip starts exactly on this frame.\n"));
        request.referenceImage().ifPresent(r -> p.append("<IMAGE_REF_0> Keep the presenter, the setting and the light "
                + "of this reference image.\n"));
        p.append(shape(request)).append(' ').append(request.prompt().strip()).append("\n\n");
        String spoken = request.spokenText() == null ? "" : request.spokenText().strip();
        if (request.withSpeech() && !spoken.isEmpty()) {
            p.append("Audio: the speaker says, in ").append(request.language().isFrench() ? "French" : "English")
                    .append(", clearly and word for word: \"").append(spoken.replace('"', '\'')).append("\". No music.");
        } else {
            p.append("Audio: ambient sound only. No dialogue, no narration, no voice-over, no singing, no music.");
        }
        return p.append("\nNo subtitles, captions or written text on screen.").toString();
    }

    private static String shape(ClipRequest request) {
        String orientation = switch (request.aspectRatio()) {
            case "9:16" -> "A vertical 9:16";
            case "16:9" -> "A horizontal 16:9";
            default -> "A " + request.aspectRatio();
        };
        return orientation + " shot of " + request.durationSeconds() + " seconds:";
    }

    private static void image(ArrayNode input, Path png, String what) {
        try {
            input.addObject().put("type", "image").put("mime_type", "image/png")
                    .put("data", Base64.getEncoder().encodeToString(Files.readAllBytes(png)));
        } catch (IOException e) {
            throw ProviderException.permanent("omni", "cannot read the " + what + " " + png + ": " + e.getMessage());
        }
    }
}
