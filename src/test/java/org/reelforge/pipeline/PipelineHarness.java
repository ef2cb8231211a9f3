package org.reelforge.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.reelforge.cost.CostLedger;
import org.reelforge.cost.PriceTable;
import org.reelforge.artifact.LocalArtifactStore;
import org.reelforge.artifact.Scratch;
import org.reelforge.store.Database;
import org.reelforge.store.InMemoryVideoRuns;
import org.reelforge.store.JdbiVideoRuns;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.CostEntry;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoRun;

/**
 * The real engine with counting fakes for the providers, a clock tests move and a job queue run in time order:
 * SPEC's minutes pass in milliseconds. The runs live in memory (the engine's unit tests) or in a real database
 * (SQLite, PostgreSQL): the same scenarios run on each.
 */
final class PipelineHarness implements AutoCloseable {
    static final Instant START = Instant.parse("2026-02-01T20:36:48Z");
    final MutableClock clock = new MutableClock(START);
    final ManualJobQueue jobs = new ManualJobQueue();
    final FakeProviders.Writer writer;
    final FakeProviders.Speech speech = new FakeProviders.Speech();
    final FakeProviders.Listener listener = new FakeProviders.Listener();
    final FakeProviders.Assembly assembly = new FakeProviders.Assembly();
    final FakeProviders.Inspector inspector = new FakeProviders.Inspector();
    final FakeProviders.Own own = new FakeProviders.Own();
    final FakeClipGenerator clips = new FakeClipGenerator(clock);
    final FakeProviders.Check preflight = new FakeProviders.Check();
    final PriceTable prices;
    final VideoRuns runs;
    final VideoLibrary library;
    final LocalArtifactStore artifacts;
    final Engine engine;
    final VideoControl control;
    final Monitor monitor;
    private final AutoCloseable closer;
    private final java.util.List<java.util.function.BiConsumer<VideoId, Runnable>> passWatchers = new java.util.ArrayList<>();

    /** The engine on runs kept in memory. */
    static PipelineHarness inMemory(Path dir, int... blockDurations) {
        InMemoryVideoRuns runs = new InMemoryVideoRuns();
        return new PipelineHarness(dir, runs, runs, () -> { }, UnaryOperator.identity(), blockDurations);
    }

    /** The engine on {@code database} (SQLite or PostgreSQL), files under {@code dir}. */
    static PipelineHarness on(Path dir, Database database, int... blockDurations) {
        JdbiVideoRuns runs = new JdbiVideoRuns(database);
        return new PipelineHarness(dir, runs, runs, database, UnaryOperator.identity(), blockDurations);
    }

    /** In memory, with settings changed by {@code tune}. */
    static PipelineHarness inMemory(Path dir, UnaryOperator<PipelineSettings> tune, int... blockDurations) {
        InMemoryVideoRuns runs = new InMemoryVideoRuns();
        return new PipelineHarness(dir, runs, runs, () -> { }, tune, blockDurations);
    }

    private PipelineHarness(Path dir, VideoRuns runs, VideoLibrary library, AutoCloseable closer,
                            UnaryOperator<PipelineSettings> tune, int... blockDurations) {
        PipelineSettings settings = tune.apply(PipelineSettings.defaults());
        writer = new FakeProviders.Writer(blockDurations);
        this.runs = runs;
        this.library = library;
        this.closer = closer;
        artifacts = new LocalArtifactStore(dir);
        prices = PriceTable.load(writePrices(dir));
        engine = Engine.create(runs, jobs, new Providers(writer, speech, clips, listener, preflight), artifacts,
                new Scratch(dir.resolve("scratch"), clock), new MediaTools(assembly, assembly, inspector, own,
                        new FakeProviders.Music()), new CostLedger(prices), settings, clock);
        control = new VideoControl(engine, artifacts);
        monitor = new Monitor(engine);
    }

    private static Path writePrices(Path dir) {
        return FakeProviders.write(dir.resolve("prices.properties"),
                "fake-veo.second=0.10\nfake-llm.output_token=0.00001\nfake-tts.character=0.0001\nfake-whisper.minute=0.006\n");
    }

    VideoId submit(VideoRequest request) {
        return engine.submit(request, "alice").id();
    }

    /** Runs planned jobs in time order, moving the clock, until none is left or {@code limit} has passed. */
    void runFor(Duration limit) {
        Instant end = clock.instant().plus(limit);
        for (int i = 0; i < 100_000; i++) {
            Optional<Map.Entry<VideoId, Instant>> next = jobs.earliest();
            if (next.isEmpty() || next.get().getValue().isAfter(end)) {
                return;
            }
            if (next.get().getValue().isAfter(clock.instant())) {
                clock.set(next.get().getValue());
            }
            advance(next.get().getKey());
        }
        throw new AssertionError("the pipeline did not settle in 100000 runs");
    }

    void runToEnd() {
        runFor(Duration.ofHours(6));
    }

    /** One pass of the engine over {@code id} now, planning its next run as the job queue would. */
    void advance(VideoId id) {
        Runnable pass = () -> {
            jobs.remove(id);
            engine.advance(id).ifPresent(at -> jobs.schedule(id, at));
        };
        if (passWatchers.isEmpty()) {
            pass.run();
        } else {
            passWatchers.forEach(w -> w.accept(id, pass));
        }
    }

    /** Wraps every pass of the engine (one at a time): {@code watcher} must run the pass it is given, once. */
    void watchPasses(java.util.function.BiConsumer<VideoId, Runnable> watcher) {
        passWatchers.add(watcher);
    }

    VideoRun run(VideoId id) {
        return runs.load(id).orElseThrow();
    }

    Video video(VideoId id) {
        return run(id).video();
    }

    List<ClipOperation> clipRows(VideoId id) {
        return run(id).clips();
    }

    ClipOperation clip(VideoId id, int block) {
        return run(id).clip(block).orElseThrow();
    }

    Optional<AssemblyTracking> tracking(VideoId id) {
        return run(id).tracking();
    }

    List<VideoEvent> events(VideoId id) {
        return library.events(id, 0, 10_000);
    }

    List<String> eventTypes(VideoId id) {
        return events(id).stream().map(e -> e.type().wireName()).toList();
    }

    List<CostEntry> costs(VideoId id) {
        return run(id).costs();
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
