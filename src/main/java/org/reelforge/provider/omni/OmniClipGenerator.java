package org.reelforge.provider.omni;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.regex.Pattern;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.PriceKeys;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.http.Call;
import org.reelforge.provider.http.FailureClassifier;
import org.reelforge.provider.http.JsonHttp;
import org.reelforge.provider.http.Secret;
import org.reelforge.video.ClipStrategy;

/**
 * Gemini Omni Flash clips through the Interactions API: {@code POST …/interactions} with {@code background:true,
 * store:true} returns at once with the interaction's id (our operation name, so a restart polls it, never creates it
 * again); {@code GET …/interactions/{id}} tells how it goes; the video comes from the last model output's {@code uri}
 * (downloaded with the credential only on the base URL's origin or the service's own HTTPS host, see
 * {@link JsonHttp#download}) or inline {@code data} (accepted on any reply). An extension continues the previous
 * interaction ({@code previous_interaction_id}) within the model's cumulative limit (40 s); the engine starts a new
 * chain from a first frame past it. Billing comes from the reply's {@code usage}. Thread-safe.
 */
public final class OmniClipGenerator implements ClipGenerator {
    private static final Pattern INTERACTION_ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,200}");
    private final OmniConfig config;
    private final InteractionReader reader;
    private volatile Clients clients;

    /** The HTTP clients for one credential value; rebuilt when a Vertex token changes. */
    private record Clients(Secret credential, JsonHttp api, JsonHttp storage) {
    }

    public OmniClipGenerator(OmniConfig config) {
        this.config = config;
        this.reader = new InteractionReader(config.provider(), config.model());
    }

    @Override
    public String name() {
        return config.provider() + ":" + config.model();
    }

    @Override
    public ClipCapabilities capabilities() {
        return config.capabilities();
    }

    /** Every block must be a length the model makes; extend chains longer than its limit restart from a first frame. */
    @Override
    public void checkPlan(List<Integer> blockSeconds, ClipStrategy strategy) {
        for (int i = 0; i < blockSeconds.size(); i++) {
            if (!config.capabilities().lengths().allows(blockSeconds.get(i))) {
                throw ProviderException.permanent(config.provider(), "block " + (i + 1) + " lasts " + blockSeconds.get(i)
                        + " s but " + config.model() + " makes clips of " + config.capabilities().lengths().describe());
            }
        }
    }

    @Override
    public ProviderCall quote(ClipRequest request) {
        return new ProviderCall(PriceKeys.provider(config.model(), request.resolution()), "clip",
                (double) request.durationSeconds() * config.tokensPerSecond(), "output_token");
    }

    @Override
    public Submitted submit(ClipRequest request) {
        requireSupported(request);
        Optional<OmniHandle> previous = request.extendFrom().map(OmniHandle::parse);
        int chain = previous.map(OmniHandle::chainSeconds).orElse(0) + request.durationSeconds();
        ClipCapabilities.Extension extension = config.capabilities().extension();
        if (previous.isPresent() && (extension == null || chain > extension.maxTotalSeconds())) {
            throw ProviderException.permanent(config.provider(), "block " + request.blockIndex() + " would extend a chain of "
                    + previous.get().chainSeconds() + " s to " + chain + " s, past " + config.model() + "'s limit of "
                    + (extension == null ? 0 : extension.maxTotalSeconds()) + " s: start a new chain from a first frame");
        }
        JsonNode reply = clients().api().post(config.interactionsPath(),
                OmniRequest.body(config, request, previous.map(OmniHandle::interactionId)));
        String id = reply.path("id").asText("");
        if (id.isBlank()) {
            throw FailureClassifier.unexpectedReply(Call.of(config.provider(), "POST", config.interactionsPath()), "an interaction id");
        }
        return new Submitted(new OmniHandle(id, chain).encode(), quote(request));
    }

    private void requireSupported(ClipRequest request) {
        ClipCapabilities c = config.capabilities();
        String problem = !c.resolutions().contains(request.resolution()) ? "resolution " + request.resolution()
                + " (it offers " + String.join(", ", c.resolutions()) + ")"
                : !c.aspectRatios().contains(request.aspectRatio()) ? "aspect ratio " + request.aspectRatio()
                + " (it offers " + String.join(", ", c.aspectRatios()) + ")"
                : request.prompt().length() + request.spokenText().length() > c.maxPromptChars()
                ? "a prompt of " + (request.prompt().length() + request.spokenText().length()) + " characters (at most "
                + c.maxPromptChars() + ")" : null;
        if (problem != null) {
            throw ProviderException.permanent(config.provider(), config.model() + " cannot make " + problem);
        }
    }

    @Override
    public Poll poll(String operationName) {
        OmniHandle handle = OmniHandle.parse(operationName);
        return fetch(handle).map(interaction -> reader.read(interaction, handle, resolutionOf(interaction)))
                .orElseGet(() -> new Poll.Failed(unknown(handle)));
    }

    @Override
    public void download(String operationName, Path target) {
        OmniHandle handle = OmniHandle.parse(operationName);
        JsonNode interaction = fetch(handle).orElseThrow(() -> unknown(handle));
        Poll state = reader.read(interaction, handle, resolutionOf(interaction));
        if (state instanceof Poll.Failed failed) {
            throw failed.error();
        }
        if (!(state instanceof Poll.Done)) {
            throw ProviderException.transientError(config.provider(), "interaction " + handle.interactionId()
                    + " is not finished yet", null);
        }
        InteractionReader.Video video = InteractionReader.video(interaction).orElseThrow();
        if (video.data().isPresent()) {
            write(video.data().get(), target);
        } else {
            String uri = video.uri().orElseThrow();
            clients().storage().download(uri.startsWith("gs://") ? storageUrl(uri) : URI.create(uri), target);
        }
    }

    private Optional<JsonNode> fetch(OmniHandle handle) {
        if (!INTERACTION_ID.matcher(handle.interactionId()).matches()) {
            return Optional.empty();
        }
        return clients().api().getIfFound(config.interactionsPath() + "/" + handle.interactionId());
    }

    /** The resolution the interaction was asked at (echoed in {@code response_format}), else the model's default. */
    private String resolutionOf(JsonNode interaction) {
        String echoed = interaction.path("response_format").path("resolution").asText("");
        return echoed.isBlank() ? config.capabilities().defaultResolution() : echoed;
    }

    private ProviderException unknown(OmniHandle handle) {
        return ProviderException.permanent(config.provider(), "interaction " + handle.interactionId()
                + " is unknown or expired (404)");
    }

    private void write(String base64, Path target) {
        try {
            Files.write(target, Base64.getMimeDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw ProviderException.transientError(config.provider(), "the inline video is not valid base64", e);
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, config.provider(), null,
                    "cannot write the clip to " + target + ": " + e.getMessage(), null, e);
        }
    }

    /** {@code gs://bucket/a/b.mp4} → {@code {storage}/storage/v1/b/bucket/o/a%2Fb.mp4?alt=media}. */
    private URI storageUrl(String gcsUri) {
        String rest = gcsUri.substring("gs://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw ProviderException.permanent(config.provider(), "cannot download " + gcsUri + ": not a gs://bucket/object URI");
        }
        String object = URLEncoder.encode(rest.substring(slash + 1), StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(config.storageBaseUrl() + "/storage/v1/b/" + rest.substring(0, slash) + "/o/" + object + "?alt=media");
    }

    private Clients clients() {
        Secret value = config.credential() instanceof OmniConfig.Credential.ApiKey k ? k.key()
                : ((OmniConfig.Credential.Bearer) config.credential()).token().current();
        Clients c = clients;
        if (c == null || !c.credential().equals(value)) {
            Map<String, Secret> headers = config.credential() instanceof OmniConfig.Credential.ApiKey
                    ? Map.of("x-goog-api-key", value) : Map.of("Authorization", new Secret("Bearer " + value.reveal()));
            JsonHttp api = new JsonHttp(config.provider(), config.baseUrl(), headers, config.timeouts(), config.keyHosts())
                    .withHeaders(Map.of("Api-Revision", config.apiRevision()));
            JsonHttp storage = config.credential() instanceof OmniConfig.Credential.ApiKey ? api
                    : new JsonHttp(config.provider(), config.storageBaseUrl(), headers, config.timeouts());
            c = new Clients(value, api, storage);
            clients = c;
        }
        return c;
    }
}
