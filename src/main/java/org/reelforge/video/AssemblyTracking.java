package org.reelforge.video;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Waiting for the clips of a video (SPEC §5): the first time clips are seen missing, wait; after the timeout,
 * assemble what exists. Once assembled, the status says which rule did it.
 */
public record AssemblyTracking(VideoId videoId, int expectedClips, int foundClips, Instant firstDetectedAt,
                               Instant lastCheckedAt, Status status) {
    public enum Status {
        /** Clips are missing; the wait runs from {@code firstDetectedAt}. */
        WAITING,
        /** Assembled with the clips that existed when the wait ran out. */
        TIMEOUT_ASSEMBLY,
        /** Assembled without the clips that were abandoned (nothing left to wait for). */
        ABANDONED_ASSEMBLY,
        /** Assembled with every clip. */
        COMPLETED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public static AssemblyTracking firstSeen(VideoId id, int expected, int found, Instant now) {
        return new AssemblyTracking(id, expected, found, now, now, Status.WAITING);
    }

    public AssemblyTracking checked(int found, Instant now) {
        return new AssemblyTracking(videoId, expectedClips, found, firstDetectedAt, now, status);
    }

    public Instant deadline(Duration timeout) {
        return firstDetectedAt.plus(timeout);
    }

    public boolean timedOut(Instant now, Duration timeout) {
        return !now.isBefore(deadline(timeout));
    }

    public boolean isWaiting() {
        return status == Status.WAITING;
    }

    public AssemblyTracking markAssembled(Status rule, int found, Instant now) {
        return new AssemblyTracking(videoId, expectedClips, found, firstDetectedAt, now, rule);
    }
}
