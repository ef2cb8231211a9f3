package org.reelforge.app;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.reelforge.catalog.ProviderDirectory;
import org.reelforge.catalog.ProvidersReport;
import org.reelforge.cli.Workspace;
import org.reelforge.cost.CostEstimator;
import org.reelforge.cost.CostLedger;
import org.reelforge.cost.PriceTable;
import org.reelforge.media.Captions;
import org.reelforge.media.CaptionStyle;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.FfmpegAssembler;
import org.reelforge.media.MediaException;
import org.reelforge.pipeline.CaptionWriter;
import org.reelforge.pipeline.DbSchedulerJobs;
import org.reelforge.pipeline.Monitor;
import org.reelforge.pipeline.Pipeline;
import org.reelforge.pipeline.PipelineSettings;
import org.reelforge.pipeline.Providers;
import org.reelforge.pipeline.VideoControl;
import org.reelforge.provider.meter.MeteredProviders;
import org.reelforge.provider.meter.ProviderMeter;
import org.reelforge.store.ArtifactStore;
import org.reelforge.store.Database;
import org.reelforge.store.VideoStore;
import org.reelforge.video.VideoRequest;

/** A wired ReelForge on one data directory: store, providers, pipeline, durable job queue. */
public final class ReelForge implements Workspace, ProviderDirectory {
    private final Config config;
    private final Database database;
    private final VideoStore store;
    private final ArtifactStore artifacts;
    private final DbSchedulerJobs jobs;
    private final Providers providers;
    private final PipelineSettings settings;
    private final List<String> summary;
    private final Pipeline pipeline;
    private final VideoControl control;
    private final Monitor monitor;
    private final CostEstimator estimator;
    private final ProviderMeter meter = new ProviderMeter();
    private final Ffmpeg ffmpegProbe;
    private boolean workersStarted;
    private final ProviderSelection.Chosen chosen;

    private ReelForge(Config config) {
        this.config = config;
        this.database = Database.fromUrl(config.databaseUrl(), config.databaseUser(), config.databasePassword(), config.dataDir());
        this.store = new VideoStore(database);
        this.artifacts = new ArtifactStore(config.dataDir());
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
        this.jobs = new DbSchedulerJobs(database.dataSource(), database.isSqlite());
        Captions captions = new Captions(CaptionStyle.tiktok());
        CaptionWriter writer = (words, millis, ass, srt) -> {
            captions.writeAss(words, millis, ass);
            captions.writeSrt(words, millis, srt);
        };
        this.pipeline = new Pipeline(store, artifacts, providers, new FfmpegAssembler(ffmpeg, config.x264Preset()), writer,
                new CostLedger(prices), settings, clock, jobs);
        this.control = new VideoControl(pipeline, artifacts);
        this.monitor = new Monitor(pipeline, store);
        this.estimator = new CostEstimator(prices);
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
        jobs.start(pipeline, monitor, settings.monitorInterval(), threads, ManagementFactory.getRuntimeMXBean().getName());
        monitor.ensureRunsPlanned();
    }

    @Override
    public BigDecimal estimate(VideoRequest request) {
        return estimator.total(quotes(request));
    }

    @Override
    public List<String> unpricedCalls(VideoRequest request) {
        return estimator.unpriced(quotes(request));
    }

    private List<org.reelforge.provider.ProviderCall> quotes(VideoRequest request) {
        return estimator.calls(request, providers.scriptWriter(), providers.clips(), providers.speech(), providers.transcriber());
    }

    @Override
    public Pipeline pipeline() {
        return pipeline;
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
    public VideoStore store() {
        return store;
    }

    @Override
    public ArtifactStore artifacts() {
        return artifacts;
    }

    @Override
    public BigDecimal defaultBudgetUsd() {
        return settings.defaultBudgetUsd();
    }

    @Override
    public List<String> providerSummary() {
        return summary;
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
        database.close();
    }
}
