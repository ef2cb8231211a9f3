package org.reelforge.video;

import java.util.Locale;

/** What a line of a video's history says happened; its wire name is the {@code type} of {@code video_events}. */
public enum EventType {
    QUEUED, RESUMED, RESUME_REQUESTED, RETRY_REQUESTED, CANCELLED, JOB_FAILED, RATE_LIMITED, FAILED, CALLS_BILLED,
    SCRIPT_GENERATED, SCRIPT_ADAPTED, AWAITING_APPROVAL, SCRIPT_EDITED, BLOCK_REWRITTEN, APPROVED,
    VOICE_GENERATED, AUDIO_GENERATED,
    CLIPS_STARTED, CLIP_SUBMITTING, CLIP_SUBMITTED, CLIP_SUCCEEDED, CLIP_FAILED, CLIP_TIMED_OUT, CLIP_RATE_LIMITED,
    CLIP_REFUSED, PROMPT_REWRITTEN, CLIP_ABANDONED, CLIP_SUBMISSION_AMBIGUOUS, CLIP_RESET, CLIP_REFETCHED,
    BLOCK_EDITED, BLOCK_REGENERATING, MEDIA_ATTACHED, MEDIA_REMOVED, CAPTIONS_EDITED, CLIPS_GENERATED,
    ASSEMBLY_STARTED, COMPLETED, FINALIZE_REQUESTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
