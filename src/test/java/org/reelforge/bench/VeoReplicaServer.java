package org.reelforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reelforge.media.Ffmpeg;
import org.reelforge.wire.Json;

/**
 * A loopback stand-in for Veo on the Gemini API, for benchmarks: it speaks the shapes of provider-api-notes.md
 * ({@code POST /v1beta/models/{m}:predictLongRunning} → an operation, {@code GET /v1beta/models/{m}/operations/{op}}
 * → running until the configured latency has passed, then done with a sample URI, the sample's download, and
 * {@code GET /v1beta/models/{m}}), and answers every finished operation with one canned clip made once at start, so
 * waiting costs no CPU. {@code GET /stats} says how many submissions, polls and downloads it served, how many
 * prompts it received more than once (a clip submitted twice) and the submissions per API key. Point {@code VeoClipGenerator} at it with
 * {@code REELFORGE_GEMINI_BASE_URL}.
 *
 * <pre>java -cp … org.reelforge.bench.VeoReplicaServer [--latency 20s] [--port 0] [--port-file FILE]</pre>
 */
public final class VeoReplicaServer implements AutoCloseable {
    private static final Pattern OPERATION = Pattern.compile("/v1beta/(models/([^/]+)/operations/(op\\d+))");
    private static final Pattern DOWNLOAD = Pattern.compile("/v1beta/files/(op\\d+):download");
    private static final Pattern MODEL = Pattern.compile("/v1beta/models/([^/:]+)");
    private final HttpServer server;
    private final byte[] clip;
    private final Duration latency;
    private final AtomicInteger operations = new AtomicInteger();
    private final Map<String, Long> submittedAt = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> prompts = new ConcurrentHashMap<>();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong downloads = new AtomicLong();
    private final Map<String, AtomicLong> submissionsByKey = new ConcurrentHashMap<>();

    private VeoReplicaServer(HttpServer server, byte[] clip, Duration latency) {
        this.server = server;
        this.clip = clip;
        this.latency = latency;
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port), answering operations done after {@code latency}. */
    public static VeoReplicaServer start(int port, Duration latency, byte[] clip) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        VeoReplicaServer replica = new VeoReplicaServer(http, clip, latency);
        http.createContext("/", replica::handle);
        http.setExecutor(Executors.newFixedThreadPool(8));
        http.start();
        return replica;
    }

    /** A 10 s 720×1280 clip with a tone, made with ffmpeg in {@code dir}. */
    public static byte[] cannedClip(Path dir) throws IOException {
        Path clip = dir.resolve("veo-replica.mp4");
        Ffmpeg.onPath().ffmpeg("make the canned Veo clip", dir, List.of("-y", "-f", "lavfi", "-i",
                "testsrc2=size=720x1280:rate=24:duration=10", "-f", "lavfi", "-i", "sine=frequency=330:duration=10",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", clip.toString()));
        return Files.readAllBytes(clip);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (method.equals("POST") && path.endsWith(":predictLongRunning")) {
                submit(ex, path);
                return;
            }
            Matcher op = OPERATION.matcher(path);
            Matcher download = DOWNLOAD.matcher(path);
            Matcher model = MODEL.matcher(path);
            if (op.matches()) {
                operation(ex, op.group(1), op.group(3));
            } else if (download.matches() && submittedAt.containsKey(download.group(1))) {
                downloads.incrementAndGet();
                send(ex, 200, "video/mp4", clip);
            } else if (path.equals("/stats")) {
                Map<String, Object> all = new java.util.TreeMap<>(stats());
                all.put("submissions_by_key", submissionsByKey());
                json(ex, 200, Json.write(all));
            } else if (model.matches()) {
                json(ex, 200, "{\"name\":\"models/" + model.group(1) + "\",\"displayName\":\"" + model.group(1)
                        + "\",\"supportedGenerationMethods\":[\"predictLongRunning\"]}");
            } else {
                json(ex, 404, "{\"error\":{\"code\":404,\"message\":\"no replica for " + path + "\",\"status\":\"NOT_FOUND\"}}");
            }
        }
    }

    private void submit(HttpExchange ex, String path) throws IOException {
        JsonNode body = Json.MAPPER.readTree(ex.getRequestBody());
        String prompt = body.path("instances").path(0).path("prompt").asText("");
        prompts.computeIfAbsent(prompt, p -> new AtomicInteger()).incrementAndGet();
        String key = ex.getRequestHeaders().getFirst("x-goog-api-key");
        submissionsByKey.computeIfAbsent(key == null ? "(none)" : key, k -> new AtomicLong()).incrementAndGet();
        String model = path.substring("/v1beta/models/".length(), path.indexOf(':'));
        String op = "op" + operations.incrementAndGet();
        submittedAt.put(op, System.nanoTime());
        json(ex, 200, "{\"name\":\"models/" + model + "/operations/" + op + "\"}");
    }

    private void operation(HttpExchange ex, String name, String op) throws IOException {
        polls.incrementAndGet();
        Long at = submittedAt.get(op);
        if (at == null) {
            json(ex, 404, "{\"error\":{\"code\":404,\"message\":\"operation " + name + " not found\",\"status\":\"NOT_FOUND\"}}");
            return;
        }
        if (System.nanoTime() - at < latency.toNanos()) {
            json(ex, 200, "{\"name\":\"" + name + "\"}");
            return;
        }
        ObjectNode root = Json.MAPPER.createObjectNode().put("name", name).put("done", true);
        root.putObject("response").put("@type", "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse")
                .putObject("generateVideoResponse").putArray("generatedSamples").addObject().putObject("video")
                .put("uri", baseUrl() + "/v1beta/files/" + op + ":download?alt=media");
        json(ex, 200, root.toString());
    }

    /** What was served so far. */
    public Map<String, Long> stats() {
        long twice = prompts.values().stream().filter(n -> n.get() > 1).count();
        return Map.of("submissions", (long) operations.get(), "prompts_submitted_twice", twice, "polls", polls.get(),
                "downloads", downloads.get());
    }

    /** Submissions per API key: give each node its own key to see how the work was shared. */
    public Map<String, Long> submissionsByKey() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        submissionsByKey.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "application/json; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static void main(String[] args) throws Exception {
        Duration latency = Duration.ofSeconds(20);
        int port = 0;
        Path portFile = null;
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--latency" -> latency = BenchArgs.duration(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--port-file" -> portFile = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("veo-replica-");
        VeoReplicaServer replica = start(port, latency, cannedClip(dir));
        if (portFile != null) {
            Files.writeString(portFile, Integer.toString(replica.port()));
        }
        System.out.println("Veo replica on " + replica.baseUrl() + " (operations done after " + latency.toMillis() + " ms)");
        Runtime.getRuntime().addShutdownHook(new Thread(replica::close));
        Thread.currentThread().join();
    }
}
