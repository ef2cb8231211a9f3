package org.reelforge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.reelforge.app.Config;
import org.reelforge.app.Main;
import org.reelforge.app.ReelForge;
import org.reelforge.video.VideoRequest;

/**
 * Scale-out figures on one machine (bench/scale.sh starts PostgreSQL, S3Proxy and {@link VeoReplicaServer} first):
 * <ul>
 *   <li>{@code throughput}: N videos through 1, then 3 {@code worker} processes with the same slots each: videos per
 *   minute, the ratio, steps run twice, clips submitted twice;</li>
 *   <li>{@code kill}: 3 workers, one killed with SIGKILL while it runs a video's step: seconds until that video moves
 *   again on another node;</li>
 *   <li>{@code inflight}: one worker tracking a thousand pending clip operations: CPU of the worker and database
 *   transactions per second at steady state.</li>
 * </ul>
 * Prints figures; never fails on a figure. Arguments: {@code MODE --pg-admin URL --replica URL --data-root DIR
 * [--videos N] [--slots S] [--duration SECONDS] [--s3 s3://bucket/prefix]}; extra environment for the workers (S3
 * endpoint and credentials) is inherited.
 */
public final class ScaleBench {
    /** The model the loopback Veo replica answers for, declared live with Veo 3.1 Fast's shape and prices. */
    static final String REPLICA_MODEL = "veo-bench-replica";
    private static final String REPLICA_CATALOG = """
            {"source_date": "2026-12-01", "models": [{"id": "%s", "service": "gemini-api", "provider": "veo",
              "api": "predictLongRunning", "status": "live", "source_date": "2026-12-01",
              "clip": {"lengths": [4, 6, 8], "resolutions": ["720p"], "draft_resolution": "720p",
                "aspect_ratios": ["9:16", "16:9"], "native_audio": true,
                "extension": {"step": [7], "max_input": 141, "max_total": 148}, "max_prompt_chars": 4000},
              "prices": [{"unit": "second", "resolution": "720p", "usd": "0.10"}]}]}
            """.formatted(REPLICA_MODEL);
    private final Map<String, String> options;
    private final Path root;
    private int round;

    private ScaleBench(Map<String, String> options) {
        this.options = options;
        this.root = Path.of(options.get("--data-root"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--videos", "12", "--slots", "2", "--duration", "8"));
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        ScaleBench bench = new ScaleBench(options);
        switch (args[0]) {
            case "throughput" -> bench.throughput();
            case "kill" -> bench.kill();
            case "inflight" -> bench.inflight();
            default -> throw new IllegalArgumentException("mode must be throughput, kill or inflight (got " + args[0] + ")");
        }
    }

    private int videos() {
        return Integer.parseInt(options.get("--videos"));
    }

    // ---- modes

    private void throughput() throws Exception {
        Map<Integer, Double> perMinute = new LinkedHashMap<>();
        for (int workers : new int[]{1, 3}) {
            Cluster c = cluster(Map.of());
            c.submit(videos());
            long started = System.nanoTime();
            c.startWorkers(workers);
            c.awaitSettled(videos(), Duration.ofMinutes(30));
            double minutes = (System.nanoTime() - started) / 60e9;
            c.stopWorkers();
            perMinute.put(workers, c.completed() / minutes);
            System.out.printf("%d worker(s) x %s slots: %d/%d videos completed in %.1f s = %.2f videos/min; steps run twice: %d;"
                    + " clips submitted twice: %d; clip submissions by node: %s%n", workers, options.get("--slots"), c.completed(),
                    videos(), minutes * 60, perMinute.get(workers), c.stepsRunTwice(), c.clipsSubmittedTwice(), c.workByNode());
        }
        System.out.printf("ratio 3 workers / 1 worker: %.2fx (goal >= 2.7x)%n", perMinute.get(3) / perMinute.get(1));
    }

    private void kill() throws Exception {
        Cluster c = cluster(Map.of());
        c.submit(videos());
        c.startWorkers(3);
        Cluster.Picked victim = c.awaitPickedBy(1, Duration.ofMinutes(10));
        long killedAt = System.nanoTime();
        c.workers.get(1).destroyForcibly();
        double moved = c.awaitMovedElsewhere(victim, Duration.ofMinutes(5)) / 1e9 - killedAt / 1e9;
        System.out.printf("killed worker 2 (pid %d) with SIGKILL while it ran %s; another node took it over %.1f s later"
                + " (goal <= 10 s)%n", c.workers.get(1).pid(), victim.instance(), moved);
        c.awaitSettled(videos(), Duration.ofMinutes(30));
        c.stopWorkers();
        System.out.printf("after the kill: %d/%d videos completed; steps run twice: %d; clips submitted twice: %d;"
                + " clip submissions by node: %s%n", c.completed(), videos(), c.stepsRunTwice(), c.clipsSubmittedTwice(),
                c.workByNode());
    }

    private void inflight() throws Exception {
        int operations = Integer.parseInt(options.getOrDefault("--operations", "1000"));
        int blocks = Integer.parseInt(options.get("--duration")) / 8;
        Cluster c = cluster(Map.of());
        c.submit(operations / Math.max(1, blocks));
        c.startWorkers(1);
        c.awaitPending(operations, Duration.ofMinutes(20));
        Thread.sleep(15_000); // let the first polls of the last submissions pass: steady state
        long cpuBefore = c.cpuTicks(0);
        long[] dbBefore = c.databaseCounters();
        long t0 = System.nanoTime();
        Thread.sleep(60_000);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = c.cpuTicks(0) - cpuBefore;
        long[] dbAfter = c.databaseCounters();
        c.stopWorkers();
        System.out.printf("one worker tracking %d pending clip operations for %.0f s: CPU %.1f%% of one core (goal < 20%%);"
                        + " database %.0f transactions/s, %.0f table scans (index + sequential)/s%n", c.pending(), seconds,
                100.0 * cpu / 100 / seconds, (dbAfter[0] - dbBefore[0]) / seconds, (dbAfter[1] - dbBefore[1]) / seconds);
    }

    // ---- one database, one set of workers

    private Cluster cluster(Map<String, String> extra) throws Exception {
        round++;
        String database = "bench_" + ProcessHandle.current().pid() + "_" + round;
        try (Connection admin = DriverManager.getConnection(options.get("--pg-admin"), "reelforge", "");
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String url = options.get("--pg-admin").replaceAll("/[^/]*$", "/" + database);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(Map.of("REELFORGE_DATABASE_URL", url, "REELFORGE_DATABASE_USER", "reelforge",
                "REELFORGE_GEMINI_API_KEY", "bench-key", "REELFORGE_GEMINI_BASE_URL", options.get("--replica"),
                "REELFORGE_CLIP_PROVIDER", "veo", "REELFORGE_VEO_MODEL", REPLICA_MODEL, "REELFORGE_SCRIPT_PROVIDER", "offline",
                "REELFORGE_VOICE_PROVIDER", "offline", "REELFORGE_TRANSCRIBER_PROVIDER", "offline",
                "REELFORGE_X264_PRESET", "ultrafast"));
        if (options.containsKey("--s3")) {
            env.put("REELFORGE_ARTIFACTS", options.get("--s3"));
        }
        env.putAll(extra);
        return new Cluster(url, env, root.resolve("round-" + round));
    }

    /** Workers of one round, and what the database says about their work. */
    private final class Cluster {
        final String url;
        final Map<String, String> env;
        final Path dir;
        final List<Process> workers = new ArrayList<>();

        Cluster(String url, Map<String, String> env, Path dir) throws IOException {
            this.url = url;
            this.env = env;
            this.dir = Files.createDirectories(dir);
        }

        /**
         * A node's data dir (one each on S3, else one shared), with the replica's model in its catalog: Veo on the
         * Gemini API is shut down, so the replica's model is declared live in {@code models.json} as a user would.
         */
        Path dataDir(int node) {
            Path d = options.containsKey("--s3") ? dir.resolve("node-" + node) : dir.resolve("shared");
            try {
                Files.createDirectories(d);
                Files.writeString(d.resolve("models.json"), REPLICA_CATALOG);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return d;
        }

        void submit(int n) {
            try (ReelForge rf = ReelForge.open(Config.from(dataDir(0), env))) {
                for (int i = 0; i < n; i++) {
                    rf.engine().submit(VideoRequest.of("Bench video " + i + " " + round)
                            .withDuration(Integer.parseInt(options.get("--duration"))), "bench");
                }
            }
        }

        void startWorkers(int n) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (int i = 0; i < n; i++) {
                ProcessBuilder pb = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                        Main.class.getName(), "worker", "--workers", options.get("--slots"), "--data-dir", dataDir(i).toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("worker-" + (i + 1) + ".log").toFile());
                pb.environment().putAll(env);
                pb.environment().put("REELFORGE_GEMINI_API_KEY", key(i));
                Process worker = pb.start();
                Runtime.getRuntime().addShutdownHook(new Thread(worker::destroyForcibly)); // no orphan if the bench dies
                workers.add(worker);
            }
        }

        void stopWorkers() throws InterruptedException {
            for (Process p : workers) {
                p.destroy();
            }
            for (Process p : workers) {
                if (!p.waitFor(90, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }

        void awaitSettled(int n, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            while (settled() < n && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
        }

        void awaitPending(int n, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            while (pending() < n && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
        }

        record Picked(String instance, String node) {
        }

        /** Waits until worker {@code index} is running a step, and says which. */
        Picked awaitPickedBy(int index, Duration limit) throws Exception {
            String node = workers.get(index).pid() + "@%";
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                List<String> picked = strings("SELECT task_instance FROM scheduled_tasks WHERE task_name = 'advance'"
                        + " AND picked AND picked_by LIKE '" + node + "'");
                if (!picked.isEmpty()) {
                    return new Picked(picked.get(0), node);
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("worker " + (index + 1) + " never ran a step");
        }

        /** Nanos (System.nanoTime) at which the run left the dead node: picked by another, or finished there. */
        long awaitMovedElsewhere(Picked p, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                List<String> holders = strings("SELECT COALESCE(picked_by, '-') || ' ' || picked FROM scheduled_tasks"
                        + " WHERE task_name = 'advance' AND task_instance = '" + p.instance() + "'");
                if (holders.isEmpty() || !holders.get(0).matches(p.node().replace("%", ".*") + " (t|true)")) {
                    return System.nanoTime();
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException(p.instance() + " was not taken over within " + limit);
        }

        long completed() throws SQLException {
            return number("SELECT COUNT(*) FROM videos WHERE status = 'completed'");
        }

        long settled() throws SQLException {
            return number("SELECT COUNT(*) FROM videos WHERE status IN ('completed', 'failed', 'cancelled')");
        }

        long pending() throws SQLException {
            return number("SELECT COUNT(*) FROM clip_operations WHERE status = 'pending'");
        }

        long stepsRunTwice() throws SQLException {
            return number("SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM video_events WHERE type IN"
                    + " ('script_generated', 'clips_generated', 'assembly_started', 'completed') GROUP BY video_id, type) t"
                    + " WHERE n > 1");
        }

        long clipsSubmittedTwice() throws SQLException {
            return number("SELECT COALESCE(SUM(submissions - 1), 0) FROM clip_operations WHERE submissions > 1");
        }

        /** Clip submissions per worker of this round, as the replica counted them by the worker's own API key. */
        String workByNode() throws Exception {
            var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(options.get("--replica") + "/stats")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var byKey = org.reelforge.wire.Json.MAPPER.readTree(r.body()).path("submissions_by_key");
            List<String> shares = new ArrayList<>();
            for (int i = 0; i < workers.size(); i++) {
                shares.add("worker " + (i + 1) + "=" + byKey.path(key(i)).asLong(0));
            }
            return String.join(", ", shares);
        }

        String key(int node) {
            return "bench-round-" + round + "-node-" + (node + 1);
        }

        /** [transactions committed, index + sequential scans] of this round's database so far. */
        long[] databaseCounters() throws SQLException {
            return new long[]{number("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"),
                    number("SELECT COALESCE(SUM(seq_scan + COALESCE(idx_scan, 0)), 0) FROM pg_stat_user_tables")};
        }

        /** utime + stime of worker {@code index}, in clock ticks (1/100 s). */
        long cpuTicks(int index) throws IOException {
            String[] f = Files.readString(Path.of("/proc/" + workers.get(index).pid() + "/stat"))
                    .replaceAll(".*\\) ", "").trim().split("\\s+");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        private long number(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, "reelforge", ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private List<String> strings(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, "reelforge", ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }
}
