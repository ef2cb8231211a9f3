package org.reelforge.provider.veo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.reelforge.provider.ModelLookup;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.http.AccessToken;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.JsonHttp;
import org.reelforge.provider.http.Secret;

/**
 * Vertex AI's publisher model lookup, {@code GET {base}/v1beta1/publishers/google/models/{model}} with the bearer
 * token: 200 when Google publishes the model, 404 otherwise (the body's words say whether it was retired).
 * Thread-safe; the token is read on each lookup, so a refreshed token file is honoured.
 */
public final class VertexModelLookup implements ModelLookup {
    private final URI baseUrl;
    private final AccessToken token;
    private final HttpTimeouts timeouts;

    public VertexModelLookup(URI baseUrl, AccessToken token, HttpTimeouts timeouts) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.timeouts = timeouts;
    }

    @Override
    public Answer lookup(String model) {
        if (!model.matches("[A-Za-z0-9._\\-]+")) {
            return new Answer.Missing(false, "\"" + model + "\" is not a model id");
        }
        JsonHttp http = new JsonHttp("vertex", baseUrl, Map.of("Authorization", new Secret("Bearer " + token.current().reveal())),
                timeouts);
        try {
            JsonNode found = http.get("/v1beta1/publishers/google/models/" + model);
            return new Answer.Found(found.path("versionId").asText(found.path("name").asText("")));
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.PERMANENT && e.getMessage().contains("HTTP 404")) {
                String message = e.getMessage().substring(e.getMessage().indexOf("HTTP 404"));
                return new Answer.Missing(message.toLowerCase(Locale.ROOT).contains("no longer available"), message);
            }
            throw e;
        }
    }
}
