package org.reelforge.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reelforge.cost.CostLedger;
import org.reelforge.cost.PriceTable;
import org.reelforge.store.ArtifactStore;
import org.reelforge.store.Database;
import org.reelforge.store.VideoStore;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.CostEntry;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;

/**
 * The real engine on a real SQLite file, with counting fakes for the providers, a clock tests move and a
 * job queue run in time order: SPEC's minutes pass in milliseconds.
 */
final class PipelineHarness implements AutoCloseable {
    static final Instant START = Instant.parse("2026-02-01T20:36:48Z");
    final MutableClock clock = new MutableClock(START);
    final ManualJobQueue jobs = new ManualJobQueue();
    final FakeProviders.Writer writer;
    final FakeProviders.Speech speech = new FakeProviders.Speech();
    final FakeProviders.Listener listener = new FakeProviders.Listener();
    final FakeProviders.Assembly assembly = new FakeProviders.Assembly();
    final FakeClipGenerator clips = new FakeClipGenerator(clock);
    final PriceTable prices;
    final Database database;
    final VideoStore store;
    final ArtifactStore artifacts;
    final Pipeline pipeline;
    final VideoControl control;
    final Monitor monitor;

    PipelineHarness(Path dir, int... blockDurations) {
        this(dir, Database.sqlite(dir), blockDurations);
    }

    /** The engine on {@code database} (SQLite or PostgreSQL), files under {@code dir}. */
    PipelineHarness(Path dir, Database database, int... blockDurations) {
        PipelineSettings settings = PipelineSettings.defaults();
        writer = new FakeProviders.Writer(blockDurations);
        this.database = database;
        store = new VideoStore(database);
        artifacts = new ArtifactStore(dir);
        prices = PriceTable.load(writePrices(dir));
        pipeline = new Pipeline(store, artifacts, new Providers(writer, speech, clips, listener), assembly, assembly,
                new CostLedger(prices), settings, clock, jobs);
        control = new VideoControl(pipeline, artifacts);
        monitor = new Monitor(pipeline, store);
    }

    private static Path writePrices(Path dir) {
        return FakeProviders.write(dir.resolve("prices.properties"),
                "fake-veo.second=0.10\nfake-llm.output_token=0.00001\nfake-tts.character=0.0001\nfake-whisper.minute=0.006\n");
    }

    VideoId submit(VideoRequest request) {
        return pipeline.submit(request, "alice").id();
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
            VideoId id = next.get().getKey();
            jobs.remove(id);
            pipeline.advance(id).ifPresent(at -> jobs.schedule(id, at));
        }
        throw new AssertionError("the pipeline did not settle in 100000 runs");
    }

    void runToEnd() {
        runFor(Duration.ofHours(6));
    }

    Video video(VideoId id) {
        return store.read(tx -> tx.video(id)).orElseThrow();
    }

    List<ClipOperation> clipRows(VideoId id) {
        return store.read(tx -> tx.clips(id));
    }

    ClipOperation clip(VideoId id, int block) {
        return store.read(tx -> tx.clip(id, block)).orElseThrow();
    }

    Optional<AssemblyTracking> tracking(VideoId id) {
        return store.read(tx -> tx.tracking(id));
    }

    List<VideoEvent> events(VideoId id) {
        return store.read(tx -> tx.events(id, 0, 10_000));
    }

    List<String> eventTypes(VideoId id) {
        return events(id).stream().map(VideoEvent::type).toList();
    }

    List<CostEntry> costs(VideoId id) {
        return store.read(tx -> tx.costs(id));
    }

    @Override
    public void close() {
        database.close();
    }
}
