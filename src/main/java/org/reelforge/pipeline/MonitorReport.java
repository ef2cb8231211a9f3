package org.reelforge.pipeline;

/** What one check-and-retry sweep did, for the CLI and the API. */
public record MonitorReport(int videosChecked, int clipsSubmitted, int clipsSucceeded, int clipsFailed, int clipsAbandoned,
                            int videosCompleted, int videosFailed) {
    public MonitorReport plus(MonitorReport o) {
        return new MonitorReport(videosChecked + o.videosChecked, clipsSubmitted + o.clipsSubmitted,
                clipsSucceeded + o.clipsSucceeded, clipsFailed + o.clipsFailed, clipsAbandoned + o.clipsAbandoned,
                videosCompleted + o.videosCompleted, videosFailed + o.videosFailed);
    }

    public static MonitorReport empty() {
        return new MonitorReport(0, 0, 0, 0, 0, 0, 0);
    }
}
