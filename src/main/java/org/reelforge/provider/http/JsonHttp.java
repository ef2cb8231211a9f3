package org.reelforge.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.reelforge.provider.ProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON-over-HTTP client for one provider endpoint: base URL, credential headers, timeouts. Every failure
 * leaves it as a {@link ProviderException} classified by {@link FailureClassifier}. Credentials travel in
 * headers only, are sent only to the base URL's origin (also across redirects) and never appear in logs,
 * messages or {@link #toString()}. Thread-safe; calls block.
 */
public final class JsonHttp {
    private static final Logger LOG = LoggerFactory.getLogger(JsonHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 5;

    private final String provider;
    private final URI baseUrl;
    private final Map<String, Secret> credentialHeaders;
    private final HttpTimeouts timeouts;
    private final Set<String> keyHosts;
    private final Map<String, String> headers;
    private final HttpClient client;

    /**
     * @param provider          short provider name used in messages ("veo", "elevenlabs")
     * @param baseUrl           scheme, host, port and optional path prefix, e.g. {@code https://api.openai.com}
     * @param credentialHeaders headers that carry a credential (e.g. {@code x-goog-api-key}); may be empty
     */
    public JsonHttp(String provider, URI baseUrl, Map<String, Secret> credentialHeaders, HttpTimeouts timeouts) {
        this(provider, baseUrl, credentialHeaders, timeouts, Set.of());
    }

    /**
     * @param keyHosts hosts besides the base URL's that may receive the credentials on a {@link #download}, over HTTPS
     *                 only: the service's own file host when a gateway stands in front of its API (e.g.
     *                 {@code generativelanguage.googleapis.com}); compared case-insensitively
     */
    public JsonHttp(String provider, URI baseUrl, Map<String, Secret> credentialHeaders, HttpTimeouts timeouts,
                    Set<String> keyHosts) {
        this(provider, baseUrl, credentialHeaders, timeouts, keyHosts, Map.of());
    }

    private JsonHttp(String provider, URI baseUrl, Map<String, Secret> credentialHeaders, HttpTimeouts timeouts,
                     Set<String> keyHosts, Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
        this.keyHosts = keyHosts.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.provider = Objects.requireNonNull(provider, "provider");
        this.baseUrl = withoutTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.credentialHeaders = Map.copyOf(credentialHeaders);
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER) // redirects are followed by hand, see download()
                .build();
    }

    /** The same client, also sending {@code fixed} (headers that are no credential, e.g. an API revision) on API calls. */
    public JsonHttp withHeaders(Map<String, String> fixed) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(fixed);
        return new JsonHttp(provider, baseUrl, credentialHeaders, timeouts, keyHosts, all);
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** GET {@code pathAndQuery} (relative to the base URL) and parse the JSON reply. */
    public JsonNode get(String pathAndQuery) {
        return exchange("GET", pathAndQuery, BodyPublishers.noBody(), Map.of(), false).orElseThrow();
    }

    /** GET, or empty when the provider answers 404 (an unknown or expired resource). */
    public Optional<JsonNode> getIfFound(String pathAndQuery) {
        return exchange("GET", pathAndQuery, BodyPublishers.noBody(), Map.of(), true);
    }

    /** POST a JSON body and parse the JSON reply. */
    public JsonNode post(String pathAndQuery, JsonNode body) {
        return postJson(pathAndQuery, body, false).orElseThrow();
    }

    /** POST, or empty when the provider answers 404 (an unknown or expired resource). */
    public Optional<JsonNode> postIfFound(String pathAndQuery, JsonNode body) {
        return postJson(pathAndQuery, body, true);
    }

    /** POST a multipart form and parse the JSON reply. */
    public JsonNode postMultipart(String pathAndQuery, MultipartForm form) {
        return exchange("POST", pathAndQuery, form.publisher(), Map.of("Content-Type", form.contentType()), false)
                .orElseThrow();
    }

    private Optional<JsonNode> postJson(String pathAndQuery, JsonNode body, boolean emptyOn404) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise request body for " + pathAndQuery, e);
        }
        return exchange("POST", pathAndQuery, BodyPublishers.ofByteArray(bytes),
                Map.of("Content-Type", "application/json"), emptyOn404);
    }

    private Optional<JsonNode> exchange(String method, String pathAndQuery, BodyPublisher body,
                                        Map<String, String> headers, boolean emptyOn404) {
        URI uri = resolve(pathAndQuery);
        Call call = call(method, uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeouts.request()).method(method, body)
                .header("Accept", "application/json");
        this.headers.forEach(request::header);
        headers.forEach(request::header);
        credentialHeaders.forEach((name, secret) -> request.header(name, secret.reveal()));
        HttpResponse<byte[]> response = send(call, request.build(), BodyHandlers.ofByteArray());
        if (response.statusCode() == 404 && emptyOn404) {
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            throw FailureClassifier.fromResponse(call, response.statusCode(), response.headers(), response.body());
        }
        return Optional.of(parse(call, response.body()));
    }

    private static JsonNode parse(Call call, byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw FailureClassifier.malformedReply(call, new IOException("empty body"));
            }
            return node;
        } catch (IOException e) {
            throw FailureClassifier.malformedReply(call, e);
        }
    }

    /**
     * Downloads {@code uri} to {@code target}, following up to 5 redirects. Credentials are sent only to the base
     * URL's origin and, over HTTPS, to the key hosts given at construction; each redirect hop is judged again, so a
     * redirect to a storage host (a signed URL) never receives the key.
     */
    public void download(URI uri, Path target) {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Call call = call("GET", current);
            HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(timeouts.request()).GET();
            if (mayReceiveKey(current)) {
                credentialHeaders.forEach((name, secret) -> request.header(name, secret.reveal()));
            }
            HttpResponse<InputStream> response = send(call, request.build(), BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status / 100 == 3 && response.headers().firstValue("Location").isPresent()) {
                drain(response);
                current = current.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            save(call, response, target);
            return;
        }
        throw ProviderException.transientError(provider, "GET " + uri.getPath() + ": more than " + MAX_REDIRECTS
                + " redirects", null);
    }

    private void save(Call call, HttpResponse<InputStream> response, Path target) {
        try (InputStream in = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw FailureClassifier.fromResponse(call, response.statusCode(), response.headers(), in.readNBytes(64 * 1024));
            }
            long size = Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            if (size == 0) {
                throw ProviderException.transientError(provider, call.describe() + " returned an empty file", null);
            }
            LOG.debug("{} {} saved {} bytes", provider, call.describe(), size);
        } catch (IOException e) {
            throw FailureClassifier.fromIOException(call, e);
        }
    }

    private <T> HttpResponse<T> send(Call call, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        long start = System.nanoTime();
        try {
            HttpResponse<T> response = client.send(request, handler);
            LOG.debug("{} {} → {} in {} ms", provider, call.describe(), response.statusCode(),
                    (System.nanoTime() - start) / 1_000_000);
            return response;
        } catch (IOException e) {
            LOG.debug("{} {} failed after {} ms: {}", provider, call.describe(), (System.nanoTime() - start) / 1_000_000,
                    e.getClass().getSimpleName());
            throw FailureClassifier.fromIOException(call, e);
        } catch (InterruptedException e) {
            throw FailureClassifier.interrupted(call, e);
        }
    }

    private Call call(String method, URI uri) {
        return new Call(provider, method, uri.getRawPath(), List.copyOf(credentialHeaders.values()));
    }

    private URI resolve(String pathAndQuery) {
        String path = pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery;
        return URI.create(baseUrl + path);
    }

    private static void drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the redirect's own body does not matter; the next hop is what we want
        }
    }

    /** The base URL's origin, or an HTTPS URL on one of the key hosts. */
    boolean mayReceiveKey(URI uri) {
        return sameOrigin(uri, baseUrl) || ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && keyHosts.contains(uri.getHost().toLowerCase(java.util.Locale.ROOT)));
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme())) && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        credentialHeaders.keySet().forEach(name -> shown.put(name, "***"));
        return "JsonHttp[" + provider + " " + baseUrl + " headers " + shown + " " + timeouts + "]";
    }
}
