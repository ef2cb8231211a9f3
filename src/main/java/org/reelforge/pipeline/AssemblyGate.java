package org.reelforge.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.Durations;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.VideoRun;

/**
 * Decides when a video's clips are ready to assemble (SPEC §5), as a pure function of the run and the time: all there
 * → now; some missing → wait from the first time that is seen, up to the assembly timeout, then assemble what exists;
 * nothing left to wait for (every missing clip abandoned) → now; no clip at all → the video fails. The wait starts
 * once every block has been submitted at least once (in extend and anchored modes blocks come in turn, and a block
 * not yet asked for is not "missing"). The decision carries the tracking to save; the caller applies it.
 */
final class AssemblyGate {
    private AssemblyGate() {
    }

    sealed interface Decision {
        /** Look again at {@code until}; {@code tracking} is the wait as it now stands (null before it starts). */
        record Wait(Instant until, AssemblyTracking tracking) implements Decision {
        }

        /**
         * Assemble now with the clips that succeeded; {@code abandon} are the blocks given up at the deadline, and
         * {@code tracking} says which rule decided (completed, timeout_assembly, abandoned_assembly).
         */
        record Assemble(int found, int expected, List<Integer> abandon, AssemblyTracking tracking) implements Decision {
        }

        /** Not one clip: the video fails with this reason. */
        record NoClips(ErrorCategory category, String reason, List<Integer> abandon, AssemblyTracking tracking)
                implements Decision {
        }
    }

    static Decision decide(VideoRun run, Instant now, PipelineSettings settings) {
        int expected = run.requireScript().blocks().size();
        List<ClipOperation> clips = run.clips();
        if (clips.size() < expected) {
            return new Decision.Wait(nextCheck(clips, now, settings, null), null);
        }
        int found = run.count(ClipStatus.SUCCESS);
        AssemblyTracking existing = run.tracking().filter(AssemblyTracking::isWaiting).orElse(null);
        if (found == expected) {
            AssemblyTracking t = existing != null ? existing : AssemblyTracking.firstSeen(run.id(), expected, found, now);
            return new Decision.Assemble(found, expected, List.of(),
                    t.markAssembled(AssemblyTracking.Status.COMPLETED, found, now));
        }
        AssemblyTracking tracking = existing != null ? existing.checked(found, now)
                : AssemblyTracking.firstSeen(run.id(), expected, found, now);
        List<Integer> outstanding = clips.stream().filter(c -> !c.isSettled()).map(ClipOperation::blockIndex).toList();
        if (outstanding.isEmpty()) {
            return assembleWhatExists(run, found, expected, List.of(), tracking, AssemblyTracking.Status.ABANDONED_ASSEMBLY, now);
        }
        if (tracking.timedOut(now, settings.assemblyTimeout())) {
            return assembleWhatExists(run, found, expected, outstanding, tracking, AssemblyTracking.Status.TIMEOUT_ASSEMBLY, now);
        }
        return new Decision.Wait(nextCheck(clips, now, settings, tracking.deadline(settings.assemblyTimeout())), tracking);
    }

    /** The assembly deadline of a run whose wait has started; null before. */
    static Instant deadline(VideoRun run, Duration timeout) {
        return run.tracking().filter(AssemblyTracking::isWaiting).map(t -> t.deadline(timeout)).orElse(null);
    }

    /** Why a clip still out at the deadline is given up, in the user's setting. */
    static String timeoutReason(Duration timeout) {
        return "not back " + Durations.human(timeout) + " after clips were first seen missing";
    }

    private static Decision assembleWhatExists(VideoRun run, int found, int expected, List<Integer> abandon,
                                               AssemblyTracking tracking, AssemblyTracking.Status rule, Instant now) {
        AssemblyTracking decided = tracking.markAssembled(rule, found, now);
        if (found > 0) {
            return new Decision.Assemble(found, expected, abandon, decided);
        }
        return noClips(run, abandon, decided);
    }

    private static Instant nextCheck(List<ClipOperation> clips, Instant now, PipelineSettings settings, Instant deadline) {
        Instant next = now.plus(settings.monitorInterval());
        for (ClipOperation c : clips) {
            boolean waiting = c.status() == ClipStatus.PENDING || c.status() == ClipStatus.FAILED;
            if (waiting && c.nextCheckAt() != null && c.nextCheckAt().isBefore(next)) {
                next = c.nextCheckAt();
            }
            if (c.status() == ClipStatus.PENDING) {
                Instant stale = c.updatedAt().plus(settings.stalePending());
                next = stale.isBefore(next) ? stale : next;
            }
        }
        if (deadline != null && deadline.isBefore(next)) {
            next = deadline;
        }
        return next.isBefore(now) ? now : next;
    }

    private static Decision noClips(VideoRun run, List<Integer> abandon, AssemblyTracking tracking) {
        Map<ErrorCategory, Long> categories = run.clips().stream().filter(c -> c.errorCategory() != null)
                .collect(Collectors.groupingBy(ClipOperation::errorCategory, Collectors.counting()));
        ErrorCategory category = categories.entrySet().stream()
                .filter(e -> e.getKey() != ErrorCategory.DEFAULT)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(ErrorCategory.NO_CLIPS);
        String details = run.clips().stream()
                .map(c -> "block " + c.blockIndex() + " abandoned after " + c.submissions() + " submission(s)"
                        + (c.lastError() == null ? "" : " (" + c.lastError() + ")"))
                .collect(Collectors.joining("; "));
        String why = category == ErrorCategory.QUOTA_EXCEEDED
                ? "the provider kept answering that its quota is exhausted; try again after the provider's quota resets "
                + "(nothing paid is lost): " : "";
        return new Decision.NoClips(category, "No clip could be generated: " + why + details, abandon, tracking);
    }
}
