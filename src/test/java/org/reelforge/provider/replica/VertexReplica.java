package org.reelforge.provider.replica;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.Probe;

/**
 * Veo on Vertex AI as provider-api-notes.md describes it: {@code :predictLongRunning} answers an operation name,
 * {@code :fetchPredictOperation} the finished operation with the video inline ({@code bytesBase64Encoded}), and an
 * extension — a request whose instance carries the previous {@code video} — answers the whole video extended by 7 s
 * (input + 7 s), whatever length the request asked for, as the service does. The publisher model lookup answers for
 * the GA models.
 */
final class VertexReplica {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MODEL = Pattern.compile(
            "/v1/projects/([^/]+)/locations/([^/]+)/publishers/google/models/([^/:]+):(predictLongRunning|fetchPredictOperation)");
    private static final int EXTENSION_SECONDS = 7;
    private final IntFunction<byte[]> clipOfSeconds;
    private final Path dir;
    private final Map<String, Integer> secondsOfOperation = new ConcurrentHashMap<>();
    private final AtomicInteger operations = new AtomicInteger();
    private final List<String> submits = new CopyOnWriteArrayList<>();

    VertexReplica(IntFunction<byte[]> clipOfSeconds, Path dir) {
        this.clipOfSeconds = clipOfSeconds;
        this.dir = dir;
    }

    /** The bodies of every {@code :predictLongRunning} received, in order. */
    List<String> submits() {
        return List.copyOf(submits);
    }

    /** The reply to a Vertex request, or null when the request is not one. */
    ResponseDefinition answer(Request request) throws IOException {
        String path = request.getUrl();
        if (path.startsWith("/v1beta1/publishers/google/models/")) {
            String model = path.substring(path.lastIndexOf('/') + 1);
            return model.startsWith("veo-3.1-") && model.endsWith("-001")
                    ? json(200, "{\"name\":\"publishers/google/models/" + model + "\",\"versionId\":\"001\",\"launchStage\":\"GA\"}")
                    : json(404, "{\"error\":{\"code\":404,\"message\":\"Publisher Model `" + model + "` not found.\",\"status\":\"NOT_FOUND\"}}");
        }
        Matcher m = MODEL.matcher(path);
        if (!m.matches()) {
            return null;
        }
        JsonNode body = JSON.readTree(request.getBodyAsString());
        if (m.group(4).equals("predictLongRunning")) {
            submits.add(request.getBodyAsString());
            JsonNode video = body.path("instances").path(0).path("video");
            int seconds = video.isMissingNode() ? body.path("parameters").path("durationSeconds").asInt(8)
                    : secondsOf(video.path("bytesBase64Encoded").asText("")) + EXTENSION_SECONDS;
            String name = "projects/" + m.group(1) + "/locations/" + m.group(2) + "/publishers/google/models/" + m.group(3)
                    + "/operations/vop" + operations.incrementAndGet();
            secondsOfOperation.put(name, seconds);
            return json(200, "{\"name\":\"" + name + "\"}");
        }
        String name = body.path("operationName").asText("");
        Integer seconds = secondsOfOperation.get(name);
        if (seconds == null) {
            return json(404, "{\"error\":{\"code\":404,\"message\":\"Operation " + name + " not found.\",\"status\":\"NOT_FOUND\"}}");
        }
        ObjectNode done = JSON.createObjectNode().put("name", name).put("done", true);
        ObjectNode response = done.putObject("response").put("@type",
                "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse").put("raiMediaFilteredCount", 0);
        response.putArray("videos").addObject().put("bytesBase64Encoded",
                Base64.getEncoder().encodeToString(clipOfSeconds.apply(seconds))).put("mimeType", "video/mp4");
        return json(200, done.toString());
    }

    /** The length of a video sent inline, in whole seconds, probed as the service would read it. */
    private int secondsOf(String base64) throws IOException {
        Path file = Files.createTempFile(dir, "vertex-source-", ".mp4");
        try {
            Files.write(file, Base64.getDecoder().decode(base64));
            return (int) Math.round(Probe.of(Ffmpeg.onPath(), file).durationMillis() / 1000.0);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static ResponseDefinition json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
    }
}
