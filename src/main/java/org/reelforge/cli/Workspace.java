package org.reelforge.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.reelforge.account.UserAccounts;
import org.reelforge.catalog.ProviderDirectory;
import org.reelforge.pipeline.Engine;
import org.reelforge.pipeline.Monitor;
import org.reelforge.pipeline.VideoControl;
import org.reelforge.pipeline.VideoQueries;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.media.MusicLibrary;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.video.Language;
import org.reelforge.video.VideoRequest;

/** What the commands need from a wired ReelForge, built by the app on the chosen data directory. */
public interface Workspace extends ProviderDirectory, AutoCloseable {
    Engine engine();

    VideoControl control();

    Monitor monitor();

    VideoQueries queries();

    ArtifactStore artifacts();

    /** Users (the {@code user} commands). */
    UserAccounts accounts();

    /** The music library of the data dir. */
    MusicLibrary music();

    /** The voices the configured speech provider has for a language (the first is its default). */
    List<SpeechSynthesizer.Voice> voices(Language language);

    /** Estimated cost in USD of a request with the configured providers, before any call. */
    BigDecimal estimate(VideoRequest request);

    /** Price keys the estimate had to count as free because the price table lacks them. */
    List<String> unpricedCalls(VideoRequest request);

    /** One line per step saying which provider does it (and why, e.g. "no key: offline"). */
    List<String> providerSummary();

    /** Starts executing queued runs in this process. */
    void startWorkers(int threads);

    /**
     * Stops taking new runs and lets running ones finish within the shutdown grace, then hands the rest back (another
     * node, or the next start, picks them up).
     */
    void stopWorkers();

    /**
     * Starts the web app and API on {@code host:port} (0 picks a free port), printing a one-time admin password to
     * {@code out} when it creates the first admin; close the result to stop it.
     */
    Server serve(String host, int port, PrintStream out);

    Path dataDir();

    @Override
    void close();

    /** A running web server. */
    interface Server extends AutoCloseable {
        int port();

        /** Readiness answers 503 from now on, while requests are still served. */
        void drain();

        @Override
        void close();
    }
}
