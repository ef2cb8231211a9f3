package org.reelforge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.cost.CostLedger;
import org.reelforge.cost.PriceTable;
import org.reelforge.artifact.LocalArtifactStore;
import org.reelforge.artifact.Scratch;
import org.reelforge.store.Database;
import org.reelforge.store.TestPostgres;
import org.reelforge.jobs.DbSchedulerJobs;
import org.reelforge.store.JdbiVideoRuns;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoStatus;

/**
 * Two workers (each its own pipeline and db-scheduler) on one database, in real time: every video completes,
 * every block is submitted to the (shared) provider exactly once, every video is assembled exactly once.
 */
class TwoWorkersIT {
    private static TestPostgres postgres;
    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoWorkersOnPostgresShareTheVideosWithoutRunningAnythingTwice() {
        runOn(d -> postgres.open(), 6);
    }

    @Test
    void twoWorkersOnOneSqliteFileShareTheVideosWithoutRunningAnythingTwice() {
        runOn(Database::sqlite, 4);
    }

    private void runOn(Function<Path, Database> databases, int videos) {
        Clock clock = Clock.systemUTC();
        FakeClipGenerator provider = new FakeClipGenerator(clock).latency(Duration.ofMillis(800));
        PipelineSettings settings = PipelineSettings.defaults().withFirstPoll(Duration.ofMillis(300))
                .withPollInterval(Duration.ofMillis(300));
        Database first = databases.apply(dir);
        String url = first.isSqlite() ? null : jdbcUrl(first);
        List<Node> nodes = new ArrayList<>();
        try {
            nodes.add(new Node("node-a", first, provider, settings, clock, dir));
            nodes.add(new Node("node-b", url == null ? Database.sqlite(dir) : Database.postgres(url, "reelforge", ""),
                    provider, settings, clock, dir));
            List<VideoId> ids = new ArrayList<>();
            for (int i = 0; i < videos; i++) {
                ids.add(nodes.get(i % 2).engine.submit(VideoRequest.of("video " + i).withDuration(12), "u").id());
            }
            nodes.forEach(Node::start);
            JdbiVideoRuns store = nodes.get(0).runs;
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> ids.stream()
                    .allMatch(id -> store.video(id).orElseThrow().status() == VideoStatus.COMPLETED));

            assertThat(provider.submissions()).isEqualTo(videos * 2);
            for (VideoId id : ids) {
                assertThat(provider.received().stream().filter(r -> r.videoId().equals(id)).map(r -> r.blockIndex()))
                        .containsExactlyInAnyOrder(1, 2);
            }
            int renders = nodes.stream().mapToInt(n -> n.assembly.renders.get()).sum();
            assertThat(renders).isEqualTo(videos);
            System.out.println("two workers: assemblies per node " + nodes.stream().map(n -> n.name + "=" + n.assembly.renders.get()).toList());
        } finally {
            nodes.forEach(Node::close);
        }
    }

    private static String jdbcUrl(Database db) {
        try (var c = db.dataSource().getConnection()) {
            return c.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One worker process, as far as the database can tell. */
    private static final class Node implements AutoCloseable {
        final String name;
        final Database database;
        final JdbiVideoRuns runs;
        final FakeProviders.Assembly assembly = new FakeProviders.Assembly();
        final DbSchedulerJobs jobs;
        final Engine engine;
        final Monitor monitor;

        Node(String name, Database database, FakeClipGenerator clips, PipelineSettings settings, Clock clock, Path dir) {
            this.name = name;
            this.database = database;
            this.runs = new JdbiVideoRuns(database);
            this.jobs = new DbSchedulerJobs(database.dataSource(), database.isSqlite());
            this.engine = Engine.create(runs, jobs,
                    new Providers(new FakeProviders.Writer(6, 6), new FakeProviders.Speech(), clips, new FakeProviders.Listener()),
                    new LocalArtifactStore(dir.resolve(name)), new Scratch(dir.resolve(name).resolve("scratch"), clock),
                    new MediaTools(assembly, assembly, new FakeProviders.Inspector(), new FakeProviders.Own(),
                            new FakeProviders.Music()), new CostLedger(PriceTable.defaults()), settings, clock);
            this.monitor = new Monitor(engine);
        }

        void start() {
            jobs.start(engine, monitor, Duration.ofSeconds(5), 2, name);
        }

        @Override
        public void close() {
            jobs.close();
            database.close();
        }
    }
}
