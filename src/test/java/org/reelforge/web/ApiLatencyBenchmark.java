package org.reelforge.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.reelforge.account.Role;

/**
 * Prints loopback latencies of the API (not a test; it fails nothing). Runs a server without workers (so nothing is
 * rendered) on a temporary SQLite data directory and measures: GET /api/videos/{id} one client at a time and
 * with 8 concurrent clients; progress delivery = time from sending POST …/cancel to the SSE frame that shows it,
 * while 50 other progress streams are open (a random 0–300 ms pause before each cancel keeps the loop from
 * locking onto the poller's rhythm). Cancels go through this node, so they take the in-process shortcut; a change
 * committed by a worker or another node waits for the next poll (every 250 ms).
 * <pre>mvn -q -B -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.reelforge.web.ApiLatencyBenchmark</pre>
 */
public final class ApiLatencyBenchmark {
    private static final String BODY = "{\"theme\":\"Latency\",\"target_duration\":8,\"language\":\"en\",\"script\":{\"title\":\"T\","
            + "\"blocks\":[{\"index\":1,\"duration\":4,\"visual_prompt\":\"A ball\",\"spoken_text\":\"A ball.\"}]}}";

    private static final java.util.Random RANDOM = new java.util.Random(7);

    private ApiLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (TestServer server = TestServer.start(false, Map.of(WebSettings.CREATE_RATE, "10000"))) {
            String token = server.token("bench", Role.USER);
            ApiClient api = server.api;
            String id = api.post("/api/videos", token, BODY).json().path("video_id").asText();
            timeGets(api, token, id, 1, 3000);
            timeGets(api, token, id, 8, 500);
            timeProgress(api, token, 100);
        }
        try (TestServer server = TestServer.start(true, Map.of(WebSettings.CREATE_RATE, "10000"))) {
            timeWorkerProgress(server.api, server.token("bench", Role.USER), 5);
        }
        System.exit(0);
    }

    private static void timeGets(ApiClient api, String token, String id, int clients, int perClient) throws Exception {
        for (int i = 0; i < 300; i++) {
            api.get("/api/videos/" + id, token);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            runs.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    api.get("/api/videos/" + id, token);
                    times.add(System.nanoTime() - t);
                }
                return times;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : runs) {
            all.addAll(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        report("GET /api/videos/{id}, " + clients + " client(s), " + all.size() + " requests, "
                + String.format(Locale.ROOT, "%.0f req/s", all.size() / seconds), all);
    }

    private static void timeProgress(ApiClient api, String token, int samples) throws Exception {
        List<StreamClients.Sse> background = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            background.add(open(api, token, api.post("/api/videos", token, BODY).json().path("video_id").asText()));
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String id = api.post("/api/videos", token, BODY).json().path("video_id").asText();
            StreamClients.Sse sse = open(api, token, id);
            Thread.sleep(RANDOM.nextInt(300));
            long t = System.nanoTime();
            api.post("/api/videos/" + id + "/cancel", token, "");
            while (!sse.next(java.time.Duration.ofSeconds(5)).path("status").asText().equals("cancelled")) {
                // earlier frames are not the change being timed
            }
            times.add(System.nanoTime() - t);
        }
        report("progress delivery (POST cancel sent → SSE frame received), 50 other streams open", times);
        background.size();
    }

    /**
     * Changes made by this process's workers while videos are made (offline providers): for every frame, the time
     * from the video's {@code updated_at} (set as the change is committed) to the frame's arrival at the client.
     */
    private static void timeWorkerProgress(ApiClient api, String token, int videos) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < videos; i++) {
            StreamClients.Sse sse = open(api, token, api.post("/api/videos", token, BODY).json().path("video_id").asText());
            // open() consumed the first frame (the state at connection time, not a change)
            for (com.fasterxml.jackson.databind.JsonNode frame = sse.next(java.time.Duration.ofSeconds(60)); frame != null;
                 frame = sse.next(java.time.Duration.ofSeconds(60))) {
                long at = java.time.Instant.parse(frame.path("updated_at").asText()).toEpochMilli();
                times.add((System.currentTimeMillis() - at) * 1_000_000);
                if (frame.path("status").asText().equals("completed")) {
                    break;
                }
            }
        }
        report("progress delivery of workers' changes (updated_at → SSE frame received), " + times.size() + " frames", times);
    }

    private static StreamClients.Sse open(ApiClient api, String token, String id) throws Exception {
        StreamClients.Sse sse = StreamClients.sse(api.http, URI.create(api.base + "/api/videos/" + id + "/events?access_token=" + token));
        sse.next(java.time.Duration.ofSeconds(5));
        return sse;
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
