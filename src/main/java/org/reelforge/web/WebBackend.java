package org.reelforge.web;

import java.math.BigDecimal;
import java.util.List;
import org.reelforge.catalog.ProviderDirectory;
import org.reelforge.account.RateWindows;
import org.reelforge.account.UserAccounts;
import org.reelforge.pipeline.Engine;
import org.reelforge.pipeline.LibraryStatistics;
import org.reelforge.pipeline.Monitor;
import org.reelforge.pipeline.VideoControl;
import org.reelforge.pipeline.VideoQueries;
import org.reelforge.provider.meter.ProviderMeter;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.video.VideoRequest;

/**
 * What the web server needs from a wired ReelForge (the app implements it), the providers report among it. Every method may be called from many
 * request threads at once.
 */
public interface WebBackend extends ProviderDirectory {
    Engine engine();

    VideoControl control();

    Monitor monitor();

    VideoQueries queries();

    /** The people who may sign in, and their sessions. */
    UserAccounts accounts();

    /** Per-user and per-address windows (creations, failed sign-ins), shared by every API node. */
    RateWindows rateWindows();

    /** Counts over every video: health, metrics, time-left estimates. */
    LibraryStatistics statistics();

    /** Where the videos' files are (the data directory or S3). */
    ArtifactStore artifacts();

    /** This node's cache folder (stills made for the web app). */
    java.nio.file.Path cacheDir();

    /** Estimated cost in USD of a request with the configured providers, before any call. */
    BigDecimal estimate(VideoRequest request);

    /** What the configured clip model can make (block lengths for the Create page and the review screen). */
    org.reelforge.provider.ClipCapabilities clipCapabilities();

    /** Whether clips cost money with the configured provider (the Create page then reviews the script by default). */
    boolean clipsArePaid();

    /** Which provider and model each step uses (script, voice, clip, transcriber), for the Create page; no lookup. */
    List<StepModel> models();

    /** @param provider its name in {@code REELFORGE_<STEP>_PROVIDER}, or {@code offline} */
    record StepModel(String step, String provider, String model) {
    }

    /** Price keys the estimate of {@code request} had to count as free because the price table lacks them. */
    List<String> unpricedCalls(VideoRequest request);

    /** The installation's music library (tracks by mood, uploaded through the API). */
    org.reelforge.media.MusicLibrary music();

    /** The voices of the configured speech provider for {@code language}, default first (may be empty). */
    List<org.reelforge.provider.SpeechSynthesizer.Voice> voices(org.reelforge.video.Language language);

    /** The configured speech provider's name. */
    String speechProvider();

    /**
     * A short spoken sample of {@code voice} into {@code target} (WAV).
     *
     * @throws org.reelforge.video.ConflictException when the speech provider charges for it
     */
    org.reelforge.provider.SpeechSynthesizer.Speech voiceSample(String voice, org.reelforge.video.Language language,
                                                                java.nio.file.Path target);

    /** A PNG of {@code text} captioned with these options in this format, {@code width} px wide (0: full size). */
    byte[] captionPreview(org.reelforge.video.CaptionOptions options, org.reelforge.video.Aspect aspect,
                          org.reelforge.video.Language language, String text, int width);

    /** Calls, outcomes and latency of this process's provider calls. */
    ProviderMeter providerMeter();

    /** True if the ffmpeg binary answers (checked on each call: it may be removed under a running server). */
    boolean ffmpegAvailable();

    /** True while this process executes queued runs. */
    boolean workersRunning();

    /** How many videos have a run planned or executing, across all nodes. */
    int plannedRuns();
}
