package org.reelforge.provider.omni;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.http.AccessToken;
import org.reelforge.provider.http.HttpTimeouts;
import org.reelforge.provider.http.Secret;

/**
 * Gemini Omni Flash through the Interactions API, on the Gemini API (key) or on Vertex AI (bearer token, location
 * {@code global}). Built by the app from the environment and the model catalog: the capabilities and the number of
 * video tokens a second is billed come from the catalog, not from this package.
 *
 * @param baseUrl          e.g. {@code https://generativelanguage.googleapis.com} or {@code https://aiplatform.googleapis.com}
 * @param interactionsPath {@code /v1beta/interactions} (Gemini API) or
 *                         {@code /v1beta1/projects/P/locations/global/interactions} (Vertex)
 * @param credential       the API key (sent as {@code x-goog-api-key}) or a Vertex access token (sent as Bearer)
 * @param keyHosts         hosts besides the base URL's that may receive the credential when a video is downloaded from
 *                         its {@code uri} (HTTPS only): the Gemini API's own host, for gateways in front of it
 * @param apiRevision      the {@code Api-Revision} header (selects the nested {@code steps[]} shape)
 * @param storageUri       Vertex only: {@code gs://bucket/prefix} for {@code delivery: uri}; without it videos come inline
 * @param storageBaseUrl   Cloud Storage JSON API, to download {@code gs://} results
 * @param tokensPerSecond  video tokens billed per second at 720p, for quotes (the bill itself comes from {@code usage})
 */
public record OmniConfig(String provider, URI baseUrl, String interactionsPath, Credential credential, Set<String> keyHosts,
                         String apiRevision, ClipCapabilities capabilities, int tokensPerSecond,
                         Optional<String> storageUri, URI storageBaseUrl, HttpTimeouts timeouts) {
    public static final String API_REVISION = "2026-05-20";
    public static final String GEMINI_BASE_URL = "https://generativelanguage.googleapis.com";
    public static final String VERTEX_BASE_URL = "https://aiplatform.googleapis.com";
    public static final String STORAGE_BASE_URL = "https://storage.googleapis.com";

    /** An API key or a (refreshable) access token. */
    public sealed interface Credential {
        record ApiKey(Secret key) implements Credential {
        }

        record Bearer(AccessToken token) implements Credential {
        }
    }

    public OmniConfig {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(interactionsPath, "interactionsPath");
        Objects.requireNonNull(credential, "credential");
        keyHosts = Set.copyOf(keyHosts);
        Objects.requireNonNull(capabilities, "capabilities");
        storageUri = storageUri == null ? Optional.empty() : storageUri;
        Objects.requireNonNull(timeouts, "timeouts");
        if (tokensPerSecond < 1) {
            throw new IllegalArgumentException("tokensPerSecond must be positive (got " + tokensPerSecond + ")");
        }
    }

    public String model() {
        return capabilities.model();
    }

    /** On the Gemini API: {@code {base}/{version}/interactions} with the key; the API's own host may get the key too. */
    public static OmniConfig gemini(URI baseUrl, String apiVersion, Secret key, ClipCapabilities capabilities,
                                    int tokensPerSecond, HttpTimeouts timeouts) {
        return new OmniConfig("omni", baseUrl, "/" + apiVersion + "/interactions", new Credential.ApiKey(key),
                Set.of(URI.create(GEMINI_BASE_URL).getHost()), API_REVISION, capabilities, tokensPerSecond,
                Optional.empty(), URI.create(STORAGE_BASE_URL), timeouts);
    }

    /** On Vertex AI: {@code {base}/v1beta1/projects/{project}/locations/global/interactions} with a bearer token. */
    public static OmniConfig vertex(URI baseUrl, String project, AccessToken token, ClipCapabilities capabilities,
                                    int tokensPerSecond, Optional<String> storageUri, URI storageBaseUrl,
                                    HttpTimeouts timeouts) {
        return new OmniConfig("omni-vertex", baseUrl, "/v1beta1/projects/" + project + "/locations/global/interactions",
                new Credential.Bearer(token), Set.of(), API_REVISION, capabilities, tokensPerSecond, storageUri,
                storageBaseUrl, timeouts);
    }
}
