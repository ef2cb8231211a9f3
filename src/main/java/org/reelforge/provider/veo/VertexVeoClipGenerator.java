package org.reelforge.provider.veo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.reelforge.provider.PriceKeys;
import org.reelforge.video.ClipStrategy;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.http.Call;
import org.reelforge.provider.http.FailureClassifier;
import org.reelforge.provider.http.JsonHttp;
import org.reelforge.provider.http.Secret;

/**
 * Veo on Vertex AI: {@code POST …/publishers/google/models/{model}:predictLongRunning}, poll with
 * {@code POST …:fetchPredictOperation {operationName}}; the result is {@code response.videos[0]}, either a
 * {@code gcsUri} (when a storage bucket is configured; downloaded through the Cloud Storage JSON API) or
 * inline {@code bytesBase64Encoded}. Inline results are referred to by their operation, which is fetched
 * again to download or extend them. Vertex accepts {@code generateAudio} and {@code sampleCount}; we ask
 * for audio always, like the Gemini API, and one sample. Thread-safe.
 */
public final class VertexVeoClipGenerator implements ClipGenerator {
    private static final String PROVIDER = "vertex-veo";
    private static final String INLINE = "operation:";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final VertexVeoConfig config;
    private final OperationReader reader;
    private volatile Clients clients;

    /** The HTTP clients for one access token; rebuilt when the token changes. */
    private record Clients(Secret token, JsonHttp http, JsonHttp storage) {
    }

    public VertexVeoClipGenerator(VertexVeoConfig config) {
        this.config = config;
        this.reader = new OperationReader(PROVIDER, new VertexDialect());
    }

    private Clients clients() {
        Secret token = config.accessToken().current();
        Clients c = clients;
        if (c == null || !c.token().equals(token)) {
            Map<String, Secret> bearer = Map.of("Authorization", new Secret("Bearer " + token.reveal()));
            c = new Clients(token, new JsonHttp(PROVIDER, config.baseUrl(), bearer, config.timeouts()),
                    new JsonHttp(PROVIDER, config.storageBaseUrl(), bearer, config.timeouts()));
            clients = c;
        }
        return c;
    }

    /** Empty unless project and access token are set; see {@link VertexVeoConfig#fromEnvironment}. */
    public static Optional<VertexVeoClipGenerator> fromEnvironment(Map<String, String> env, String defaultModel,
                                                                   Function<String, ClipCapabilities> capabilities) {
        return VertexVeoConfig.fromEnvironment(env, defaultModel, capabilities).map(VertexVeoClipGenerator::new);
    }

    @Override
    public String name() {
        return "vertex-veo:" + config.model();
    }

    @Override
    public ClipCapabilities capabilities() {
        return config.capabilities();
    }

    /** Vertex extends inputs of 1–30 s by 7 s each, to 37 s at most: a longer extend plan is refused before any call. */
    @Override
    public void checkPlan(List<Integer> blockSeconds, ClipStrategy strategy) {
        VeoLimits.check(PROVIDER, config.capabilities(), blockSeconds, strategy);
    }

    @Override
    public ProviderCall quote(ClipRequest request) {
        return new ProviderCall(PriceKeys.provider(config.model(), request.resolution()), "clip",
                plan(request).billedSeconds(), "second");
    }

    /** An extension asks for the model's extension step (7 s) and expects the video to grow by exactly that. */
    private ClipPlan plan(ClipRequest request) {
        return ClipPlan.of(request, VeoLimits.extensionStep(config.capabilities()));
    }

    private String modelPath() {
        return "/v1/projects/" + config.project() + "/locations/" + config.location() + "/publishers/google/models/"
                + config.model();
    }

    @Override
    public Submitted submit(ClipRequest request) {
        ClipPlan plan = plan(request);
        ObjectNode instance = NODES.objectNode().put("prompt", VeoPrompt.of(request));
        plan.source().ifPresent(source -> instance.set("video", sourceVideo(source)));
        request.firstFrame().ifPresent(frame -> instance.set("image", VeoImages.png(PROVIDER, frame)));
        request.referenceImage().ifPresent(ref -> instance.putArray("referenceImages").addObject()
                .put("referenceType", "asset").set("image", VeoImages.png(PROVIDER, ref)));
        ObjectNode body = NODES.objectNode();
        body.putArray("instances").add(instance);
        ObjectNode parameters = body.putObject("parameters").put("aspectRatio", request.aspectRatio())
                .put("durationSeconds", plan.durationSeconds()).put("resolution", request.resolution())
                .put("sampleCount", 1).put("generateAudio", true);
        config.storageUri().ifPresent(uri -> parameters.put("storageUri", uri));
        String path = modelPath() + ":predictLongRunning";
        String name = clients().http().post(path, body).path("name").asText("");
        if (name.isBlank()) {
            throw FailureClassifier.unexpectedReply(Call.of(PROVIDER, "POST", path), "an operation name");
        }
        return new Submitted(plan.handle(name).encode(), quote(request));
    }

    private ObjectNode sourceVideo(VideoRef source) {
        ObjectNode video = NODES.objectNode();
        if (source.uri().startsWith(INLINE)) {
            String operation = source.uri().substring(INLINE.length());
            video.put("bytesBase64Encoded", inlineBytes(fetchOrFail(operation), operation));
        } else {
            video.put("gcsUri", source.uri());
        }
        return video.put("mimeType", "video/mp4");
    }

    @Override
    public Poll poll(String operationName) {
        OperationHandle handle = OperationHandle.parse(operationName);
        return fetch(handle.name()).map(operation -> reader.read(operation, handle))
                .orElseGet(() -> new Poll.Failed(expired(handle.name())));
    }

    @Override
    public void download(String operationName, Path target) {
        OperationHandle handle = OperationHandle.parse(operationName);
        JsonNode operation = fetchOrFail(handle.name());
        Poll state = reader.read(operation, handle);
        if (state instanceof Poll.Failed failed) {
            throw failed.error();
        }
        if (!(state instanceof Poll.Done done)) {
            throw ProviderException.transientError(PROVIDER, "operation " + handle.name() + " is not finished yet", null);
        }
        String uri = VideoRef.parse(done.resultRef()).uri();
        if (uri.startsWith(INLINE)) {
            write(Base64.getDecoder().decode(inlineBytes(operation, handle.name())), target);
        } else {
            clients().storage().download(storageUrl(uri), target);
        }
    }

    private Optional<JsonNode> fetch(String operationName) {
        ObjectNode body = NODES.objectNode().put("operationName", operationName);
        return clients().http().postIfFound(modelPath() + ":fetchPredictOperation", body);
    }

    private JsonNode fetchOrFail(String operationName) {
        return fetch(operationName).orElseThrow(() -> expired(operationName));
    }

    private static ProviderException expired(String operationName) {
        return ProviderException.permanent(PROVIDER, "operation " + operationName + " is unknown or expired (404)");
    }

    private static String inlineBytes(JsonNode operation, String operationName) {
        String bytes = operation.path("response").path("videos").path(0).path("bytesBase64Encoded").asText("");
        if (bytes.isEmpty()) {
            throw ProviderException.permanent(PROVIDER, "operation " + operationName + " holds no inline video");
        }
        return bytes;
    }

    /** {@code gs://bucket/a/b.mp4} → {@code {storage}/storage/v1/b/bucket/o/a%2Fb.mp4?alt=media}. */
    private URI storageUrl(String gcsUri) {
        String rest = gcsUri.startsWith("gs://") ? gcsUri.substring("gs://".length()) : "";
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw ProviderException.permanent(PROVIDER, "cannot download " + gcsUri + ": not a gs://bucket/object URI");
        }
        String object = URLEncoder.encode(rest.substring(slash + 1), StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(clients().storage().baseUrl() + "/storage/v1/b/" + rest.substring(0, slash) + "/o/" + object + "?alt=media");
    }

    private static void write(byte[] video, Path target) {
        try {
            Files.write(target, video);
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, PROVIDER, null,
                    "cannot write the clip to " + target + ": " + e.getMessage(), null, e);
        }
    }

    /** {@code response.videos[0]} with {@code gcsUri} or {@code bytesBase64Encoded}; RAI fields directly in response. */
    private static final class VertexDialect implements OperationReader.Dialect {
        @Override
        public Optional<String> videoRef(JsonNode response, String operationName) {
            JsonNode video = response.path("videos").path(0);
            if (!video.path("gcsUri").asText("").isBlank()) {
                return Optional.of(video.path("gcsUri").asText());
            }
            return video.hasNonNull("bytesBase64Encoded") ? Optional.of(INLINE + operationName) : Optional.empty();
        }

        @Override
        public JsonNode raiFields(JsonNode response) {
            return response;
        }
    }
}
