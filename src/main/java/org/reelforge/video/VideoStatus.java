package org.reelforge.video;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The status a person sees. {@link #GENERATING_CLIPS} is shown as {@code generating_parallel} or
 * {@code generating_block_N} depending on the clip strategy (see {@link Video#statusLabel()}).
 * Allowed transitions are in one table; anything else is refused.
 */
public enum VideoStatus {
    QUEUED, SCRIPT_GENERATED, AWAITING_APPROVAL, GENERATING_CLIPS, READY_FOR_ASSEMBLY, ASSEMBLING, COMPLETED, FAILED,
    CANCELLED;

    private static final Map<VideoStatus, Set<VideoStatus>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(QUEUED, SCRIPT_GENERATED, AWAITING_APPROVAL, GENERATING_CLIPS, READY_FOR_ASSEMBLY,
                    ASSEMBLING, FAILED, CANCELLED),
            SCRIPT_GENERATED, EnumSet.of(SCRIPT_GENERATED, QUEUED, AWAITING_APPROVAL, GENERATING_CLIPS, FAILED, CANCELLED),
            AWAITING_APPROVAL, EnumSet.of(AWAITING_APPROVAL, QUEUED, FAILED, CANCELLED),
            GENERATING_CLIPS, EnumSet.of(GENERATING_CLIPS, QUEUED, READY_FOR_ASSEMBLY, FAILED, CANCELLED),
            READY_FOR_ASSEMBLY, EnumSet.of(READY_FOR_ASSEMBLY, QUEUED, ASSEMBLING, GENERATING_CLIPS, FAILED, CANCELLED),
            ASSEMBLING, EnumSet.of(ASSEMBLING, QUEUED, COMPLETED, FAILED, CANCELLED),
            COMPLETED, EnumSet.of(COMPLETED, QUEUED),
            FAILED, EnumSet.of(FAILED, QUEUED),
            CANCELLED, EnumSet.of(CANCELLED, QUEUED));

    public boolean canBecome(VideoStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Completed, failed and cancelled videos do not move until a person acts (retry, re-roll). */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /**
     * True when no run is due: terminal, or waiting for a person's approval (durable, holding no worker). The monitor
     * plans no run for such a video.
     */
    public boolean isIdle() {
        return isTerminal() || this == AWAITING_APPROVAL;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VideoStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
