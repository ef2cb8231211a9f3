package org.reelforge.pipeline;

import java.util.List;
import java.util.Optional;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRun;
import org.reelforge.video.VideoStatus;

/**
 * Check-and-retry (SPEC §4): every unfinished video gets a pass now — stale pending clips are checked, failed ones
 * relaunched, abandoned-and-reset ones relaunched, overdue assemblies started — and its next run is planned.
 * {@link #ensureRunsPlanned()} is the light version the recurring task uses: it only restores runs that were lost, so
 * nothing depends on a task that vanished.
 */
public final class Monitor {
    private final Engine engine;

    public Monitor(Engine engine) {
        this.engine = engine;
    }

    /** Runs a pass over every unfinished video now and reports what changed. */
    public MonitorReport checkAndRetry() {
        MonitorReport report = MonitorReport.empty();
        for (VideoId id : engine.runs().unfinished()) {
            List<ClipOperation> before = engine.runs().load(id).map(VideoRun::clips).orElse(List.of());
            engine.advance(id).ifPresent(at -> engine.jobs().schedule(id, at));
            report = report.plus(diff(id, before));
        }
        return report;
    }

    /** Plans a run now for every unfinished video that has none (after a restart, or a lost task). */
    public int ensureRunsPlanned() {
        List<VideoId> ids = engine.runs().unfinished();
        ids.forEach(id -> engine.jobs().ensureScheduled(id, engine.clock().instant()));
        return ids.size();
    }

    private MonitorReport diff(VideoId id, List<ClipOperation> before) {
        Optional<VideoRun> after = engine.runs().load(id);
        List<ClipOperation> clips = after.map(VideoRun::clips).orElse(List.of());
        int submitted = clips.stream().mapToInt(ClipOperation::submissions).sum()
                - before.stream().mapToInt(ClipOperation::submissions).sum();
        VideoStatus status = after.map(r -> r.video().status()).orElse(null);
        return new MonitorReport(1, submitted, changedTo(before, clips, ClipStatus.SUCCESS),
                changedTo(before, clips, ClipStatus.FAILED), changedTo(before, clips, ClipStatus.ABANDONED),
                status == VideoStatus.COMPLETED ? 1 : 0, status == VideoStatus.FAILED ? 1 : 0);
    }

    private static int changedTo(List<ClipOperation> before, List<ClipOperation> after, ClipStatus status) {
        return (int) after.stream().filter(c -> c.status() == status)
                .filter(c -> before.stream().noneMatch(b -> b.blockIndex() == c.blockIndex() && b.status() == status))
                .count();
    }
}
