package org.reelforge.pipeline;

import java.util.List;
import org.reelforge.store.VideoStore;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoStatus;

/**
 * Check-and-retry (SPEC §4): every unfinished video gets a pass now — stale pending clips are checked,
 * failed ones relaunched, abandoned-and-reset ones relaunched, overdue assemblies started — and its next run
 * is planned. {@link #ensureRunsPlanned()} is the light version the recurring task uses: it only restores
 * runs that were lost, so nothing depends on a task that vanished.
 */
public final class Monitor {
    private final Pipeline pipeline;
    private final VideoStore store;

    public Monitor(Pipeline pipeline, VideoStore store) {
        this.pipeline = pipeline;
        this.store = store;
    }

    /** Runs a pass over every unfinished video now and reports what changed. */
    public MonitorReport checkAndRetry() {
        MonitorReport report = MonitorReport.empty();
        for (VideoId id : store.read(tx -> tx.unfinishedVideoIds())) {
            List<ClipOperation> before = store.read(tx -> tx.clips(id));
            pipeline.advance(id).ifPresent(at -> pipeline.jobs().schedule(id, at));
            report = report.plus(diff(id, before));
        }
        return report;
    }

    /** Plans a run now for every unfinished video that has none (after a restart, or a lost task). */
    public int ensureRunsPlanned() {
        List<VideoId> ids = store.read(tx -> tx.unfinishedVideoIds());
        ids.forEach(id -> pipeline.jobs().ensureScheduled(id, pipeline.clock().instant()));
        return ids.size();
    }

    private MonitorReport diff(VideoId id, List<ClipOperation> before) {
        List<ClipOperation> after = store.read(tx -> tx.clips(id));
        int submitted = after.stream().mapToInt(ClipOperation::submissions).sum()
                - before.stream().mapToInt(ClipOperation::submissions).sum();
        Video v = store.read(tx -> tx.video(id)).orElse(null);
        return new MonitorReport(1, submitted, changedTo(before, after, ClipStatus.SUCCESS),
                changedTo(before, after, ClipStatus.FAILED), changedTo(before, after, ClipStatus.ABANDONED),
                v != null && v.status() == VideoStatus.COMPLETED ? 1 : 0, v != null && v.status() == VideoStatus.FAILED ? 1 : 0);
    }

    private static int changedTo(List<ClipOperation> before, List<ClipOperation> after, ClipStatus status) {
        return (int) after.stream().filter(c -> c.status() == status)
                .filter(c -> before.stream().noneMatch(b -> b.blockIndex() == c.blockIndex() && b.status() == status))
                .count();
    }
}
