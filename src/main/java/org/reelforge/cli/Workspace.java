package org.reelforge.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.reelforge.video.VideoRequest;
import org.reelforge.web.WebBackend;

/**
 * What the commands need from a wired ReelForge (built by the app on the chosen data directory): everything the web
 * server needs (so {@code serve} can hand it over) plus the CLI's own wants.
 */
public interface Workspace extends WebBackend, AutoCloseable {
    /** One line per step saying which provider does it (and why, e.g. "no key: offline"). */
    List<String> providerSummary();



    /** Starts executing queued runs in this process. */
    void startWorkers(int threads);

    Path dataDir();

    @Override
    void close();
}
