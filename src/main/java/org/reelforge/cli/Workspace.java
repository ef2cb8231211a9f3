package org.reelforge.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.reelforge.pipeline.Monitor;
import org.reelforge.pipeline.Pipeline;
import org.reelforge.pipeline.VideoControl;
import org.reelforge.store.ArtifactStore;
import org.reelforge.store.VideoStore;
import org.reelforge.video.VideoRequest;

/** What the commands need from a wired ReelForge (built by the app on the chosen data directory). */
public interface Workspace extends AutoCloseable {
    Pipeline pipeline();

    VideoControl control();

    Monitor monitor();

    VideoStore store();

    ArtifactStore artifacts();

    BigDecimal defaultBudgetUsd();

    /** One line per step saying which provider does it (and why, e.g. "no key: offline"). */
    List<String> providerSummary();

    /** Estimated cost in USD of a request with the configured providers, before any call. */
    BigDecimal estimate(VideoRequest request);

    /** Price keys the estimate of {@code request} had to count as free because the price table lacks them. */
    List<String> unpricedCalls(VideoRequest request);

    /** Starts executing queued runs in this process. */
    void startWorkers(int threads);

    Path dataDir();

    @Override
    void close();
}
