package org.reelforge.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.reelforge.account.Pbkdf2Passwords;
import org.reelforge.account.RateWindows;
import org.reelforge.account.UserAccounts;
import org.reelforge.catalog.ProvidersReport;
import org.reelforge.cli.Workspace;
import org.reelforge.cost.CostEstimator;
import org.reelforge.cost.CostLedger;
import org.reelforge.cost.PriceTable;
import org.reelforge.jobs.DbSchedulerJobs;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.MediaException;
import org.reelforge.media.MusicLibrary;
import org.reelforge.pipeline.Engine;
import org.reelforge.pipeline.LibraryStatistics;
import org.reelforge.pipeline.Monitor;
import org.reelforge.pipeline.PipelineSettings;
import org.reelforge.pipeline.Providers;
import org.reelforge.pipeline.VideoControl;
import org.reelforge.pipeline.VideoQueries;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.video.Language;
import org.reelforge.provider.meter.MeteredProviders;
import org.reelforge.provider.meter.ProviderMeter;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.artifact.ArtifactStores;
import org.reelforge.artifact.Scratch;
import org.reelforge.jobs.WorkerSettings;
import org.reelforge.store.Database;
import org.reelforge.store.JdbiVideoRuns;
import org.reelforge.store.JdbiAccounts;
import org.reelforge.store.JdbiRateWindows;
import org.reelforge.store.JdbiStatistics;
import org.reelforge.video.VideoRequest;
import org.reelforge.web.WebBackend;
import org.reelforge.web.WebServer;
import org.reelforge.web.WebSettings;
import org.reelforge.wire.VideoView;

/**
 * A wired ReelForge on one data directory: stores, providers, engine, durable job queue — what the commands use
 * ({@link Workspace}) and what the web server uses ({@link WebBackend}, handed to it by {@link #serve}).
 */
public final class ReelForge implements Workspace, WebBackend {
    private final Config config;
    private final Database database;
    private final JdbiAccounts accountStore;
    private final RateWindows rateWindows;
    private final LibraryStatistics statistics;
    /** Built on first use: it hashes a dummy password (about 0.2 s) that commands without users do not need. */
    private UserAccounts accounts;
    private final ArtifactStore artifacts;
    private final Scratch scratch;
    private final DbSchedulerJobs jobs;
    private final Providers providers;
    private final PipelineSettings settings;
    private final List<String> summary;
    private final Engine engine;
    private final VideoControl control;
    private final Monitor monitor;
    private final VideoQueries queries;
    private final CostEstimator estimator;
    private final ProviderMeter meter = new ProviderMeter();
    private final Ffmpeg ffmpegProbe;
    private final MusicLibrary music;
    private final org.reelforge.media.CaptionPreviews previews;
    private final org.reelforge.pipeline.MediaTools media;
    private boolean workersStarted;
    private final ProviderSelection.Chosen chosen;

    private ReelForge(Config config) {
        this.config = config;
        this.database = Database.fromUrl(config.databaseUrl(), config.databaseUser(), config.databasePassword(), config.dataDir());
        this.accountStore = new JdbiAccounts(database);
        this.rateWindows = new JdbiRateWindows(database);
        this.statistics = new JdbiStatistics(database);
        this.artifacts = ArtifactStores.open(config.env(), config.dataDir());
        this.scratch = new Scratch(config.dataDir().resolve("scratch"), Clock.systemUTC());
        PriceTable prices = PriceTable.load(config.catalog(), config.pricesFile());
        Clock clock = Clock.systemUTC();
        Ffmpeg ffmpeg = Ffmpeg.onPath();
        this.ffmpegProbe = ffmpeg.withTimeout(Duration.ofSeconds(5));
        this.chosen = ProviderSelection.choose(config, clock, ffmpeg);
        Providers chosenProviders = chosen.providers();
        this.providers = new Providers(MeteredProviders.of(chosenProviders.scriptWriter(), meter),
                MeteredProviders.of(chosenProviders.speech(), meter), MeteredProviders.of(chosenProviders.clips(), meter),
                MeteredProviders.of(chosenProviders.transcriber(), meter), chosenProviders.preflight());
        this.settings = chosen.settings();
        this.summary = chosen.summary();
        WorkerSettings workerSettings = WorkerSettings.fromEnvironment(config.env());
        this.jobs = new DbSchedulerJobs(database.dataSource(), database.isSqlite(), workerSettings);
        // a graceful stop lets running steps finish: their ffmpeg children must not be killed before it ends
        Ffmpeg.letChildrenFinishOnExit(workerSettings.longestStop());
        this.music = new MusicLibrary(config.dataDir(), ffmpeg);
        this.previews = new org.reelforge.media.CaptionPreviews(ffmpeg);
        this.media = MediaWiring.tools(ffmpeg, config.x264Preset(), music);
        JdbiVideoRuns runs = new JdbiVideoRuns(database);
        this.engine = Engine.create(runs, jobs, providers, artifacts, scratch, media, new CostLedger(prices), settings, clock);
        this.control = new VideoControl(engine, artifacts);
        this.monitor = new Monitor(engine);
        this.estimator = new CostEstimator(prices);
        this.queries = new VideoQueries(runs, runs, new VideoView.Context(settings.defaultBudgetUsd(), this::estimate,
                settings.maxJobRetries()));
    }

    public static ReelForge open(Config config) {
        return new ReelForge(config);
    }

    @Override
    public synchronized void startWorkers(int threads) {
        if (workersStarted) {
            return;
        }
        workersStarted = true;
        scratch.sweep(Duration.ofHours(6));
        jobs.start(engine, monitor, settings.monitorInterval(), threads, ManagementFactory.getRuntimeMXBean().getName());
        monitor.ensureRunsPlanned();
    }

    @Override
    public synchronized void stopWorkers() {
        jobs.close();
    }

    @Override
    public Server serve(String host, int port, PrintStream out) {
        WebServer server = WebServer.start(this, WebSettings.from(config.env(), host, port), out);
        return new Server() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public void drain() {
                server.drain();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    @Override
    public BigDecimal estimate(VideoRequest request) {
        return estimator.total(quotes(request));
    }

    @Override
    public List<String> unpricedCalls(VideoRequest request) {
        return estimator.unpriced(quotes(request));
    }

    private List<ProviderCall> quotes(VideoRequest request) {
        var caps = providers.clips().capabilities();
        String resolution = request.draft() ? caps.draftResolution()
                : settings.clipResolution() != null ? settings.clipResolution() : caps.defaultResolution();
        return estimator.calls(request, providers.scriptWriter(), providers.clips(), providers.speech(), providers.transcriber(),
                resolution);
    }

    @Override
    public boolean clipsArePaid() {
        var caps = providers.clips().capabilities();
        ProviderCall quote = providers.clips().quote(new org.reelforge.provider.ClipGenerator.ClipRequest(
                new org.reelforge.video.VideoId("vid_20000101_000000_est0"), 1, caps.lengths().max(), "", "", true,
                org.reelforge.video.Language.EN, java.util.Optional.empty(), null));
        return estimator.total(List.of(quote)).signum() > 0;
    }

    @Override
    public MusicLibrary music() {
        return music;
    }

    @Override
    public List<SpeechSynthesizer.Voice> voices(Language language) {
        return providers.speech().voices(language);
    }

    @Override
    public String speechProvider() {
        return providers.speech().name();
    }

    /**
     * A short sample of {@code voice}, only where speaking costs nothing (the offline voice): a paid provider would
     * charge each listen, with no video to book it to.
     */
    @Override
    public SpeechSynthesizer.Speech voiceSample(String voice, Language language, java.nio.file.Path target) {
        String text = SAMPLES.getOrDefault(language.code(), "1, 2, 3, 4, 5.");
        if (estimator.total(List.of(providers.speech().quote(text.length()))).signum() > 0) {
            throw new org.reelforge.video.ConflictException("voice samples are offered for free voices only: "
                    + providers.speech().name() + " charges for every character");
        }
        return providers.speech().synthesize(text, language, 1.0, voice, target);
    }

    private static final java.util.Map<String, String> SAMPLES = java.util.Map.of("fr", "Bonjour, voici ma voix.",
            "en", "Hello, this is my voice.", "es", "Hola, esta es mi voz.", "de", "Hallo, das ist meine Stimme.",
            "it", "Ciao, questa è la mia voce.", "pt", "Olá, esta é a minha voz.");

    @Override
    public byte[] captionPreview(org.reelforge.video.CaptionOptions options, org.reelforge.video.Aspect aspect,
                                 Language language, String text, int width) {
        return previews.preview(options, aspect, language, text, width);
    }

    @Override
    public org.reelforge.provider.ClipCapabilities clipCapabilities() {
        return providers.clips().capabilities();
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public VideoControl control() {
        return control;
    }

    @Override
    public Monitor monitor() {
        return monitor;
    }

    @Override
    public VideoQueries queries() {
        return queries;
    }

    @Override
    public synchronized UserAccounts accounts() {
        if (accounts == null) {
            accounts = new UserAccounts(accountStore, new Pbkdf2Passwords(), Clock.systemUTC());
        }
        return accounts;
    }

    @Override
    public RateWindows rateWindows() {
        return rateWindows;
    }

    @Override
    public LibraryStatistics statistics() {
        return statistics;
    }

    @Override
    public ArtifactStore artifacts() {
        return artifacts;
    }

    @Override
    public Path cacheDir() {
        return config.dataDir().resolve("cache");
    }

    @Override
    public List<String> providerSummary() {
        return summary;
    }

    @Override
    public List<StepModel> models() {
        return chosen.steps().stream().map(s -> new StepModel(s.step(), s.provider(), s.model())).toList();
    }

    @Override
    public ProvidersReport providers() {
        return ProviderReports.of(chosen, Clock.systemUTC());
    }

    @Override
    public Path dataDir() {
        return config.dataDir();
    }

    @Override
    public boolean ffmpegAvailable() {
        try {
            ffmpegProbe.ffmpeg("report its version", null, List.of("-version"));
            return true;
        } catch (MediaException e) {
            return false;
        }
    }

    @Override
    public boolean workersRunning() {
        return jobs.isRunning();
    }

    @Override
    public int plannedRuns() {
        return jobs.plannedRuns();
    }

    @Override
    public ProviderMeter providerMeter() {
        return meter;
    }

    public DbSchedulerJobs jobs() {
        return jobs;
    }

    @Override
    public void close() {
        jobs.close();
        artifacts.close();
        database.close();
    }
}
