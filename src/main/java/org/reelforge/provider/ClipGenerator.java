package org.reelforge.provider;

import java.nio.file.Path;
import java.util.Optional;
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

    /**
     * What {@link #submit} of this request will bill, for estimates and the budget check before the call.
     * Defaults to the clip's seconds under this generator's name.
     */
    default ProviderCall quote(ClipRequest request) {
        return new ProviderCall(name(), "clip", request.durationSeconds(), "second");
    }

    /** Starts one generation. Blocks only for the provider's reply (seconds). Each call is paid. */
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
     */
    record ClipRequest(VideoId videoId, int blockIndex, int durationSeconds, String prompt, String spokenText,
                       boolean withSpeech, Language language, Optional<String> extendFrom, String onScreenText) {
    }

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
         * says where this block's part starts in the downloaded file; 0 otherwise.
         */
        record Done(String resultRef, long offsetMillis) implements Poll {
            public Done(String resultRef) {
                this(resultRef, 0);
            }
        }

        /** Finished without a clip, or the operation is unknown/expired. */
        record Failed(ProviderException error) implements Poll {
        }
    }
}
