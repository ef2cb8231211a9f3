package org.reelforge.provider.veo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reelforge.provider.ClipGenerator.Poll;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.http.FailureClassifier;

/**
 * Reads a {@code google.longrunning.Operation} into a {@link Poll}. The Gemini API and Vertex put the video
 * and the responsible-AI filter fields in different places, so the caller says where ({@code dialect}).
 */
final class OperationReader {
    /** Where a dialect keeps the result: the video reference, and the object holding the RAI fields. */
    interface Dialect {
        Optional<String> videoRef(JsonNode response, String operationName);

        JsonNode raiFields(JsonNode response);
    }

    private final String provider;
    private final Dialect dialect;

    OperationReader(String provider, Dialect dialect) {
        this.provider = provider;
        this.dialect = dialect;
    }

    Poll read(JsonNode operation, OperationHandle handle) {
        if (!operation.path("done").asBoolean(false)) {
            return new Poll.Running(); // proto3 JSON leaves out done:false
        }
        JsonNode error = operation.path("error");
        if (error.isObject()) {
            return new Poll.Failed(FailureClassifier.fromOperationError(provider, "operation " + handle.name(),
                    error.path("code").asInt(2), error.path("message").asText("")));
        }
        JsonNode response = operation.path("response");
        Optional<String> video = dialect.videoRef(response, handle.name());
        if (video.isPresent()) {
            return new Poll.Done(new VideoRef(video.get(), handle.lengthMillis()).encode(), handle.offsetMillis());
        }
        return new Poll.Failed(withoutVideo(dialect.raiFields(response), handle));
    }

    private ProviderException withoutVideo(JsonNode rai, OperationHandle handle) {
        List<String> reasons = new ArrayList<>();
        rai.path("raiMediaFilteredReasons").forEach(r -> reasons.add(r.asText()));
        if (rai.path("raiMediaFilteredCount").asInt(0) > 0 || !reasons.isEmpty()) {
            String reason = reasons.isEmpty() ? "filtered by the safety filters (no reason given)" : String.join(" | ", reasons);
            return FailureClassifier.refusal(provider, "operation " + handle.name(), reason);
        }
        return ProviderException.transientError(provider, "operation " + handle.name()
                + " finished without a video and without a filter reason", null);
    }
}
