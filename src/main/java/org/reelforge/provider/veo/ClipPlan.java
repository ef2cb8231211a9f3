package org.reelforge.provider.veo;

import java.util.Optional;
import org.reelforge.provider.ClipGenerator.ClipRequest;

/**
 * What one submit asks for and where its part will sit in the returned video.
 *
 * @param durationSeconds sent as {@code parameters.durationSeconds}: the block's length, or the extension request
 *                        (Vertex: 7, what one extension adds; the Gemini API documented 8 while adding 7)
 * @param billedSeconds   the seconds of new video this call makes, as billed
 * @param offsetMillis    where the new part starts in the returned video (the previous video's length)
 * @param lengthMillis    the returned video's total length, -1 when unknown
 * @param source          the video to extend, in extend mode
 */
record ClipPlan(int durationSeconds, int billedSeconds, long offsetMillis, long lengthMillis, Optional<VideoRef> source) {
    static final int GEMINI_EXTENSION_REQUEST_SECONDS = 8;
    static final int EXTENSION_ADDS_SECONDS = 7;

    static ClipPlan of(ClipRequest request, int extensionRequestSeconds) {
        if (request.extendFrom().isEmpty()) {
            return new ClipPlan(request.durationSeconds(), request.durationSeconds(), 0, request.durationSeconds() * 1000L,
                    Optional.empty());
        }
        VideoRef previous = VideoRef.parse(request.extendFrom().get());
        long offset = Math.max(previous.lengthMillis(), 0);
        long length = previous.lengthMillis() < 0 ? -1 : previous.lengthMillis() + EXTENSION_ADDS_SECONDS * 1000L;
        return new ClipPlan(extensionRequestSeconds, EXTENSION_ADDS_SECONDS, offset, length, Optional.of(previous));
    }

    OperationHandle handle(String operationName) {
        return new OperationHandle(operationName, offsetMillis, lengthMillis);
    }
}
