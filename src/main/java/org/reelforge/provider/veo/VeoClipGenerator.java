package org.reelforge.provider.veo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
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

/**
 * Veo 3.x on the Gemini API: {@code POST /v1beta/models/{model}:predictLongRunning}, poll
 * {@code GET /v1beta/{operation}}, download the sample's URI (following redirects, the key only to the API's
 * own host). Only {@code aspectRatio}, {@code durationSeconds} and {@code resolution} are sent: this API
 * rejects {@code generateAudio}, {@code numberOfVideos} and {@code seed} with 400. Thread-safe.
 */
public final class VeoClipGenerator implements ClipGenerator {
    private static final String PROVIDER = "veo";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final VeoConfig config;
    private final JsonHttp http;
    private final OperationReader reader;

    public VeoClipGenerator(VeoConfig config) {
        this.config = config;
        this.http = new JsonHttp(PROVIDER, config.baseUrl(), Map.of("x-goog-api-key", config.apiKey()), config.timeouts());
        this.reader = new OperationReader(PROVIDER, new GeminiDialect());
    }

    /** Empty when {@code REELFORGE_GEMINI_API_KEY} is not set; see {@link VeoConfig#fromEnvironment}. */
    public static Optional<VeoClipGenerator> fromEnvironment(Map<String, String> env, String defaultModel,
                                                             Function<String, ClipCapabilities> capabilities) {
        return VeoConfig.fromEnvironment(env, defaultModel, capabilities).map(VeoClipGenerator::new);
    }

    @Override
    public String name() {
        return "veo:" + config.model();
    }

    @Override
    public ClipCapabilities capabilities() {
        return config.capabilities();
    }

    @Override
    public void checkPlan(List<Integer> blockSeconds, ClipStrategy strategy) {
        VeoLimits.check(PROVIDER, config.capabilities(), blockSeconds, strategy);
    }

    @Override
    public ProviderCall quote(ClipRequest request) {
        return new ProviderCall(PriceKeys.provider(config.model(), request.resolution()), "clip",
                ClipPlan.of(request, ClipPlan.GEMINI_EXTENSION_REQUEST_SECONDS).billedSeconds(), "second");
    }

    @Override
    public Submitted submit(ClipRequest request) {
        ClipPlan plan = ClipPlan.of(request, ClipPlan.GEMINI_EXTENSION_REQUEST_SECONDS);
        ObjectNode instance = NODES.objectNode().put("prompt", VeoPrompt.of(request));
        plan.source().ifPresent(source -> instance.putObject("video").put("uri", source.uri()));
        ObjectNode body = NODES.objectNode();
        body.putArray("instances").add(instance);
        body.putObject("parameters").put("aspectRatio", request.aspectRatio()).put("durationSeconds", plan.durationSeconds())
                .put("resolution", request.resolution());
        String path = "/v1beta/models/" + config.model() + ":predictLongRunning";
        String name = http.post(path, body).path("name").asText("");
        if (name.isBlank()) {
            throw FailureClassifier.unexpectedReply(Call.of(PROVIDER, "POST", path), "an operation name");
        }
        return new Submitted(plan.handle(name).encode(), quote(request));
    }

    @Override
    public Poll poll(String operationName) {
        OperationHandle handle = OperationHandle.parse(operationName);
        return http.getIfFound("/v1beta/" + handle.name())
                .map(operation -> reader.read(operation, handle))
                .orElseGet(() -> new Poll.Failed(ProviderException.permanent(PROVIDER,
                        "operation " + handle.name() + " is unknown or expired (404)")));
    }

    @Override
    public void download(String operationName, Path target) {
        Poll state = poll(operationName);
        if (state instanceof Poll.Done done) {
            http.download(URI.create(VideoRef.parse(done.resultRef()).uri()), target);
        } else if (state instanceof Poll.Failed failed) {
            throw failed.error();
        } else {
            throw ProviderException.transientError(PROVIDER, "operation " + OperationHandle.parse(operationName).name()
                    + " is not finished yet", null);
        }
    }

    /** {@code response.generateVideoResponse.generatedSamples[0].video.uri}; RAI fields beside the samples. */
    private static final class GeminiDialect implements OperationReader.Dialect {
        @Override
        public Optional<String> videoRef(JsonNode response, String operationName) {
            String uri = raiFields(response).path("generatedSamples").path(0).path("video").path("uri").asText("");
            return uri.isBlank() ? Optional.empty() : Optional.of(uri);
        }

        @Override
        public JsonNode raiFields(JsonNode response) {
            return response.path("generateVideoResponse");
        }
    }
}
