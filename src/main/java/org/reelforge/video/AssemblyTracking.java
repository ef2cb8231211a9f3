package org.reelforge.video;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Waiting for the clips of a video (SPEC §5): first time clips are seen missing, wait; after the timeout,
 * assemble what exists.
 */
public record AssemblyTracking(VideoId videoId, int expectedClips, int foundClips, Instant firstDetectedAt,
                               Instant lastCheckedAt, Status status) {
    public enum Status {
        WAITING, TIMEOUT_ASSEMBLY, COMPLETED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static AssemblyTracking firstSeen(VideoId id, int expected, int found, Instant now) {
        return new AssemblyTracking(id, expected, found, now, now, Status.WAITING);
    }

    public AssemblyTracking checked(int found, Instant now) {
        return new AssemblyTracking(videoId, expectedClips, found, firstDetectedAt, now, status);
    }

    public boolean timedOut(Instant now, Duration timeout) {
        return !now.isBefore(firstDetectedAt.plus(timeout));
    }

    public AssemblyTracking markCompleted(int found, boolean partial, Instant now) {
        return new AssemblyTracking(videoId, expectedClips, found, firstDetectedAt, now,
                partial ? Status.TIMEOUT_ASSEMBLY : Status.COMPLETED);
    }
}
