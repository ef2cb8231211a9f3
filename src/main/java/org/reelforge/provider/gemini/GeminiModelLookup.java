package org.reelforge.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.reelforge.provider.ModelLookup;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.JsonHttp;
import org.reelforge.provider.http.Secret;

/**
 * {@code GET /{version}/models/{id}} on the Gemini API: 200 {@code {name, version, …}} when the model exists; 404
 * "This model models/… is no longer available" for a shut-down id, 404 "models/… is not found for API version …"
 * for an unknown one. Thread-safe.
 */
public final class GeminiModelLookup implements ModelLookup {
    private final JsonHttp http;
    private final String version;

    public GeminiModelLookup(URI baseUrl, Secret apiKey, String apiVersion, HttpTimeouts timeouts) {
        this.http = new JsonHttp("gemini", baseUrl, Map.of("x-goog-api-key", apiKey), timeouts);
        this.version = apiVersion;
    }

    @Override
    public Answer lookup(String model) {
        if (!model.matches("[A-Za-z0-9._\\-]+")) {
            return new Answer.Missing(false, "\"" + model + "\" is not a model id");
        }
        try {
            JsonNode found = http.get("/" + version + "/models/" + model);
            return new Answer.Found(found.path("version").asText(""));
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.PERMANENT && e.getMessage().contains("HTTP 404")) {
                String message = e.getMessage().substring(e.getMessage().indexOf("HTTP 404"));
                return new Answer.Missing(message.toLowerCase(Locale.ROOT).contains("no longer available"), message);
            }
            throw e;
        }
    }
}
