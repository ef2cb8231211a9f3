package org.reelforge.web;

import java.math.BigDecimal;
import org.reelforge.pipeline.Monitor;
import org.reelforge.pipeline.Pipeline;
import org.reelforge.pipeline.VideoControl;
import org.reelforge.store.ArtifactStore;
import org.reelforge.store.VideoStore;

/**
 * What the web server needs from a wired ReelForge (the app implements it, as it does the CLI's workspace).
 * Every method may be called from many request threads at once.
 */
public interface WebBackend {
    Pipeline pipeline();

    VideoControl control();

    Monitor monitor();

    VideoStore store();

    ArtifactStore artifacts();

    BigDecimal defaultBudgetUsd();

    /** Estimated cost in USD of a request with the configured providers, before any call. */
    BigDecimal estimate(org.reelforge.video.VideoRequest request);

    /** Calls, outcomes and latency of this process's provider calls. */
    org.reelforge.provider.meter.ProviderMeter providerMeter();

    /** Price keys the estimate of {@code request} had to count as free because the price table lacks them. */
    java.util.List<String> unpricedCalls(org.reelforge.video.VideoRequest request);

    /** What reports need beyond the store: the default budget and the estimate. */
    default org.reelforge.pipeline.VideoReport.Context reportContext() {
        return new org.reelforge.pipeline.VideoReport.Context(defaultBudgetUsd(), this::estimate);
    }

    /** True if the ffmpeg binary answers (checked on each call: it may be removed under a running server). */
    boolean ffmpegAvailable();

    /** True while this process executes queued runs. */
    boolean workersRunning();

    /** How many videos have a run planned or executing, across all nodes. */
    int plannedRuns();
}
