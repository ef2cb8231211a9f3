package org.reelforge.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.ErrorCategory;

/**
 * Decides when a video's clips are ready to assemble (SPEC §5): all there → now; some missing → wait from
 * the first time that is seen, up to the assembly timeout, then assemble what exists; nothing left to wait
 * for (every missing clip abandoned) → now; no clip at all → the video fails.
 * The wait starts once every block has been submitted at least once (in extend mode blocks come one by one,
 * and a block not yet asked for is not "missing").
 */
final class AssemblyGate {
    private final PipelineSettings settings;
    private final Clock clock;

    AssemblyGate(PipelineSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    sealed interface Decision {
        record Wait(Instant until) implements Decision {
        }

        record Assemble(int found, int expected) implements Decision {
        }

        record NoClips(ErrorCategory category, String reason) implements Decision {
        }
    }

    Decision decide(ClipRound round, Journal journal) {
        int expected = round.script().blocks().size();
        if (round.clips().size() < expected) {
            return new Decision.Wait(nextCheck(round, null));
        }
        int found = (int) round.count(ClipStatus.SUCCESS);
        if (found == expected) {
            return new Decision.Assemble(found, expected);
        }
        Instant now = clock.instant();
        AssemblyTracking tracking = journal.store().read(tx -> tx.tracking(round.video().id()))
                .map(t -> t.checked(found, now))
                .orElseGet(() -> AssemblyTracking.firstSeen(round.video().id(), expected, found, now));
        journal.store().useTransaction(tx -> tx.saveTracking(tracking));
        List<ClipOperation> outstanding = round.clips().stream()
                .filter(c -> c.status() != ClipStatus.SUCCESS && c.status() != ClipStatus.ABANDONED).toList();
        if (outstanding.isEmpty() || tracking.timedOut(now, settings.assemblyTimeout())) {
            for (ClipOperation c : outstanding) {
                round.save(c.markFailed("not back " + settings.assemblyTimeout().toMinutes()
                                + " min after clips were first seen missing", "timeout", ErrorCategory.OPERATION_TIMEOUT, now, null)
                                .markAbandoned(now), "clip_abandoned",
                        "Block " + c.blockIndex() + ": given up after waiting " + settings.assemblyTimeout().toMinutes()
                                + " min (timeout_assembly)", List.of());
            }
            return found > 0 ? new Decision.Assemble(found, expected) : noClips(round);
        }
        return new Decision.Wait(nextCheck(round, tracking.firstDetectedAt().plus(settings.assemblyTimeout())));
    }

    private Instant nextCheck(ClipRound round, Instant deadline) {
        Instant next = clock.instant().plus(settings.monitorInterval());
        for (ClipOperation c : round.clips()) {
            boolean waiting = c.status() == ClipStatus.PENDING || c.status() == ClipStatus.FAILED;
            if (waiting && c.nextCheckAt() != null && c.nextCheckAt().isBefore(next)) {
                next = c.nextCheckAt();
            }
            if (c.status() == ClipStatus.PENDING) {
                Instant stale = c.updatedAt().plus(settings.stalePending());
                next = stale.isBefore(next) ? stale : next;
            }
        }
        return deadline != null && deadline.isBefore(next) ? deadline : next;
    }

    private static Decision noClips(ClipRound round) {
        Map<ErrorCategory, Long> categories = round.clips().stream().filter(c -> c.errorCategory() != null)
                .collect(Collectors.groupingBy(ClipOperation::errorCategory, Collectors.counting()));
        ErrorCategory category = categories.entrySet().stream()
                .filter(e -> e.getKey() != ErrorCategory.DEFAULT)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(ErrorCategory.NO_CLIPS);
        String details = round.clips().stream()
                .map(c -> "block " + c.blockIndex() + " abandoned after " + c.submissions() + " submission(s)"
                        + (c.lastError() == null ? "" : " (" + c.lastError() + ")"))
                .collect(Collectors.joining("; "));
        return new Decision.NoClips(category, "No clip could be generated: " + details);
    }

}
