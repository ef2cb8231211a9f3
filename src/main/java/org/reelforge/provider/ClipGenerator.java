package org.reelforge.provider;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.Language;
import org.reelforge.video.VideoId;

/**
 * A video model with long-running-operation semantics (Veo's {@code predictLongRunning}): {@link #submit}
 * starts a paid generation and returns at once with an operation name; {@link #poll} asks how it goes;
 * {@link #download} fetches the finished clip. Operation names survive our process: after a restart,
 * an operation submitted before the crash can still be polled. Thread-safe. Failures are
 * {@link ProviderException}s classified by kind; a refusal (safety filter, third-party content) is
 * reported by {@code poll} as {@link Poll.Failed} with kind REFUSED.
 */
public interface ClipGenerator {
    String name();

    /** What the model can make (lengths, resolutions, extension, references), from the model catalog. */
    ClipCapabilities capabilities();

    /**
     * Checks a video's whole plan before its first paid call: e.g. an extend chain longer than the model can
     * extend to. Never paid, never blocks on the network.
     *
     * @param blockSeconds the blocks' lengths in order
     * @throws ProviderException PERMANENT naming the rule and the values, when the plan cannot be rendered
     */
    default void checkPlan(List<Integer> blockSeconds, ClipStrategy strategy) {
    }

    /**
     * What {@link #submit} of this request will bill, for estimates and the budget check before the call.
     * Defaults to the clip's seconds under this generator's name.
     */
    default ProviderCall quote(ClipRequest request) {
        return new ProviderCall(name(), "clip", request.durationSeconds(), "second");
    }

    /**
     * Starts one generation. Blocks only for the provider's reply (seconds). Each call is paid once it completes:
     * {@link Submitted#call()} is what it will cost then, booked by the engine when the operation ends.
     */
    Submitted submit(ClipRequest request);

    /** Asks the provider for the state of an operation. Never paid. */
    Poll poll(String operationName);

    /**
     * Writes the finished clip to {@code target} (MP4). The caller passes a temporary name and renames
     * it; implementations may overwrite {@code target}.
     */
    void download(String operationName, Path target);

    /**
     * One block's clip.
     *
     * @param prompt          full prompt: the block's visual prompt with the style guide
     * @param spokenText      what the clip must say (native audio); empty when {@code withSpeech} is false
     * @param withSpeech      true in native_audio mode; false when a voice-over is laid on top (narrated)
     * @param extendFrom      the {@link Poll.Done#resultRef()} of the previous block's clip, in extend mode
     * @param onScreenText    text to show on screen, may be null
     * @param resolution      one of {@link ClipCapabilities#resolutions()}, e.g. 720p (or the draft resolution)
     * @param aspectRatio     one of {@link ClipCapabilities#aspectRatios()}, e.g. 9:16
     * @param referenceImage  anchored strategy: a PNG key frame of block 1 to keep presenter and setting the same
     * @param firstFrame      a PNG the clip must start from (a new extend chain past the model's length limit)
     */
    record ClipRequest(VideoId videoId, int blockIndex, int durationSeconds, String prompt, String spokenText,
                       boolean withSpeech, Language language, Optional<String> extendFrom, String onScreenText,
                       String resolution, String aspectRatio, Optional<Path> referenceImage, Optional<Path> firstFrame) {
        public ClipRequest {
            extendFrom = extendFrom == null ? Optional.empty() : extendFrom;
            referenceImage = referenceImage == null ? Optional.empty() : referenceImage;
            firstFrame = firstFrame == null ? Optional.empty() : firstFrame;
            resolution = resolution == null ? "720p" : resolution;
            aspectRatio = aspectRatio == null ? "9:16" : aspectRatio;
        }

        /** A 720p 9:16 request without references. */
        public ClipRequest(VideoId videoId, int blockIndex, int durationSeconds, String prompt, String spokenText,
                           boolean withSpeech, Language language, Optional<String> extendFrom, String onScreenText) {
            this(videoId, blockIndex, durationSeconds, prompt, spokenText, withSpeech, language, extendFrom, onScreenText,
                    "720p", "9:16", Optional.empty(), Optional.empty());
        }
    }

    /**
     * @param operationName the provider's operation, opaque: polled after a restart, never submitted again
     * @param call          what the generation costs if it completes (booked when it ends; a refusal is free)
     */
    record Submitted(String operationName, ProviderCall call) {
    }

    /** The state of an operation. */
    sealed interface Poll {
        /** Still generating. */
        record Running() implements Poll {
        }

        /**
         * Finished; {@code resultRef} identifies the clip at the provider (used to extend it). When the
         * provider returns a combined video (Veo extension: previous video + the new part), {@code offsetMillis}
         * says where this block's part starts in the downloaded file; 0 otherwise. {@code calls} is what the
         * provider reports it billed (Omni's {@code usage}); empty means the submit's {@link Submitted#call()}.
         */
        record Done(String resultRef, long offsetMillis, List<ProviderCall> calls) implements Poll {
            public Done {
                calls = List.copyOf(calls);
            }

            public Done(String resultRef, long offsetMillis) {
                this(resultRef, offsetMillis, List.of());
            }

            public Done(String resultRef) {
                this(resultRef, 0);
            }
        }

        /**
         * Finished without a clip, or the operation is unknown/expired. A refusal (safety filter, third-party content)
         * has kind REFUSED: the engine books it as a call not charged.
         */
        record Failed(ProviderException error) implements Poll {
        }
    }
}
