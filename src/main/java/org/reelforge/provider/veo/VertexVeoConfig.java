package org.reelforge.provider.veo;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.http.Environment;
import org.reelforge.provider.http.AccessToken;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;

/**
 * Veo on Vertex AI.
 *
 * @param baseUrl        e.g. {@code https://us-central1-aiplatform.googleapis.com}
 * @param accessToken    an OAuth access token, sent as {@code Authorization: Bearer}; such tokens expire after
 *                       about an hour, so long-running deployments should refresh it and rebuild the adapter
 * @param capabilities   from the model catalog (lengths, extension limits: input 1–30 s, total 37 s)
 * @param storageUri     optional {@code gs://bucket/prefix}: Vertex writes the clips there instead of returning bytes
 * @param storageBaseUrl Cloud Storage JSON API, used to download {@code gs://} results
 */
public record VertexVeoConfig(URI baseUrl, String project, String location, AccessToken accessToken, String model,
                              ClipCapabilities capabilities, Optional<String> storageUri, URI storageBaseUrl,
                              HttpTimeouts timeouts) {
    public static final String DEFAULT_LOCATION = "us-central1";
    public static final String DEFAULT_STORAGE_BASE_URL = "https://storage.googleapis.com";

    public VertexVeoConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(storageUri, "storageUri");
        Objects.requireNonNull(storageBaseUrl, "storageBaseUrl");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /**
     * From {@code REELFORGE_VERTEX_PROJECT} and {@code REELFORGE_VERTEX_ACCESS_TOKEN} or
     * {@code REELFORGE_VERTEX_ACCESS_TOKEN_FILE} (a file kept fresh by something else; re-read when it changes),
     * {@code REELFORGE_VERTEX_LOCATION} (us-central1), {@code REELFORGE_VERTEX_BASE_URL}
     * (https://{location}-aiplatform.googleapis.com), {@code REELFORGE_VEO_MODEL} (else {@code defaultModel}),
     * {@code REELFORGE_VERTEX_STORAGE_URI} and {@code REELFORGE_VERTEX_STORAGE_BASE_URL}.
     */
    public static Optional<VertexVeoConfig> fromEnvironment(Map<String, String> env, String defaultModel,
                                                            Function<String, ClipCapabilities> capabilities) {
        Environment e = new Environment(env);
        Optional<String> project = e.optional("REELFORGE_VERTEX_PROJECT");
        Optional<AccessToken> token = e.secret("REELFORGE_VERTEX_ACCESS_TOKEN").map(AccessToken::fixed)
                .or(() -> e.optional("REELFORGE_VERTEX_ACCESS_TOKEN_FILE").map(f -> AccessToken.file(java.nio.file.Path.of(f))));
        if (project.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        String location = e.get("REELFORGE_VERTEX_LOCATION", DEFAULT_LOCATION);
        String model = e.get("REELFORGE_VEO_MODEL", defaultModel);
        return Optional.of(new VertexVeoConfig(
                e.uri("REELFORGE_VERTEX_BASE_URL", "https://" + location + "-aiplatform.googleapis.com"),
                project.get(), location, token.get(), model, capabilities.apply(model),
                e.optional("REELFORGE_VERTEX_STORAGE_URI"),
                e.uri("REELFORGE_VERTEX_STORAGE_BASE_URL", DEFAULT_STORAGE_BASE_URL), HttpTimeouts.ofSeconds(10, 60)));
    }
}
