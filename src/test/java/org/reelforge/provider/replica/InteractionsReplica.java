package org.reelforge.provider.replica;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Gemini Interactions API as provider-api-notes.md §0.1 describes it, in memory: {@code POST /{v}/interactions}
 * validates the fields Omni takes (400 INVALID_ARGUMENT naming a bad one) and answers {@code in_progress} at once;
 * {@code GET /{v}/interactions/{id}} answers {@code in_progress} for a few polls, then {@code completed} with a
 * {@code thought} step and a {@code model_output} step holding the video ({@code uri} or inline {@code data}, as asked)
 * and {@code usage} of 5,792 video tokens a second. Extensions need a stored, completed previous interaction and stay
 * within 40 s. Words in the prompt steer the outcome, so an end-to-end run can meet each case: {@code REFUSE_ME} ends
 * {@code failed} with a safety error, {@code SILENT_REFUSAL} ends {@code completed} without a video. The files are
 * served by {@code /{v}/files/{id}:download} (key required) through a redirect to a key-less {@code /cdn/} URL on
 * another origin ({@code 127.0.0.1} when the API is {@code localhost}).
 * Thread-safe; one instance keeps its interactions for its life (a "restart" of our side still finds them).
 */
public final class InteractionsReplica {
    public static final int TOKENS_PER_SECOND = 5792;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern CREATE = Pattern.compile("/(v1|v1beta|v1beta1/projects/[^/]+/locations/global)/interactions");
    private static final Pattern GET = Pattern.compile("/(v1|v1beta|v1beta1/projects/[^/]+/locations/global)/interactions/([^/?]+)");
    private static final Pattern SECONDS = Pattern.compile("shot of (\\d+) seconds");
    private static final Set<String> RESOLUTIONS = Set.of("360p", "720p", "1080p", "4k");
    private static final Set<String> ASPECTS = Set.of("9:16", "16:9");
    private static final Set<String> TASKS = Set.of("text_to_video", "image_to_video", "reference_to_video", "edit", "extend");

    private final Map<String, Stored> interactions = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger creates = new AtomicInteger();
    private final IntFunction<byte[]> clipOfSeconds;
    private final int pollsBeforeDone;
    private final Set<String> models;

    private record Stored(String id, JsonNode request, int seconds, int chainSeconds, AtomicInteger polls) {
    }

    /**
     * @param clipOfSeconds   the MP4 a finished interaction of that many seconds serves
     * @param pollsBeforeDone how many GETs answer {@code in_progress} before the outcome
     * @param models          the model ids the service knows
     */
    public InteractionsReplica(IntFunction<byte[]> clipOfSeconds, int pollsBeforeDone, Set<String> models) {
        this.clipOfSeconds = clipOfSeconds;
        this.pollsBeforeDone = pollsBeforeDone;
        this.models = Set.copyOf(models);
    }

    /** How many interactions were created (paid generations started). */
    public int creates() {
        return creates.get();
    }

    /** The answer for this request, or null when it is not an Interactions API path. */
    public ResponseDefinition answer(Request request, String base) {
        String path = request.getUrl();
        try {
            if (request.getMethod().getName().equals("POST") && CREATE.matcher(path).matches()) {
                return create(JSON.readTree(request.getBodyAsString()));
            }
            Matcher get = GET.matcher(path);
            if (request.getMethod().getName().equals("GET") && get.matches()) {
                Stored s = interactions.get(get.group(2));
                return s == null ? error(404, "NOT_FOUND", "Interaction " + get.group(2) + " not found.")
                        : json(200, view(s, base, get.group(1)));
            }
            if (path.matches("/v1(beta)?/files/[^/]+:download.*")) {
                if (request.getHeader("x-goog-api-key") == null) {
                    return error(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers. Please use API Key.");
                }
                String file = path.substring(path.indexOf("/files/") + 7, path.indexOf(':', path.indexOf("/files/")));
                // the storage host is another origin (127.0.0.1 for localhost): it must not receive the key
                return aResponse().withStatus(302).withHeader("Location", base.replace("//localhost:", "//127.0.0.1:")
                        + "/cdn/" + file + ".mp4").build();
            }
            if (path.matches("/cdn/f_[^/]+\\.mp4")) {
                Stored s = interactions.get(path.substring(7, path.length() - 4));
                return s == null ? aResponse().withStatus(404).build()
                        : aResponse().withStatus(200).withHeader("Content-Type", "video/mp4").withBody(clipOfSeconds.apply(s.seconds())).build();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    private ResponseDefinition create(JsonNode body) {
        String invalid = invalidField(body);
        if (invalid != null) {
            return error(400, "INVALID_ARGUMENT", invalid);
        }
        int chain = 0;
        String previous = body.path("previous_interaction_id").asText("");
        if (!previous.isEmpty()) {
            Stored p = interactions.get(previous);
            if (p == null || !p.request().path("store").asBoolean(false)) {
                return error(400, "INVALID_ARGUMENT", "previous_interaction_id " + previous + " is not a stored interaction.");
            }
            chain = p.chainSeconds();
        }
        int seconds = seconds(body);
        if (chain + seconds > 40) {
            return error(400, "INVALID_ARGUMENT", "Extending would make the video " + (chain + seconds)
                    + " seconds long; the limit is 40 seconds.");
        }
        String id = "v1_" + Integer.toString(1000 + ids.incrementAndGet(), 36) + "omni";
        Stored s = new Stored(id, body, seconds, chain + seconds, new AtomicInteger());
        interactions.put(id, s);
        creates.incrementAndGet();
        return json(200, NODES.objectNode().put("id", id).put("object", "interaction").put("status", "in_progress")
                .put("model", body.path("model").asText()).put("created", "2026-12-01T10:00:00Z"));
    }

    private String invalidField(JsonNode body) {
        if (!models.contains(body.path("model").asText(""))) {
            return "* model: models/" + body.path("model").asText("") + " is not found or does not support the Interactions API.";
        }
        JsonNode format = body.path("response_format");
        if (!format.path("type").asText("").equals("video")) {
            return "* response_format.type: must be video for this model.";
        }
        if (!RESOLUTIONS.contains(format.path("resolution").asText("720p"))) {
            return "* response_format.resolution: unsupported value \"" + format.path("resolution").asText() + "\".";
        }
        if (!ASPECTS.contains(format.path("aspect_ratio").asText("16:9"))) {
            return "* response_format.aspect_ratio: unsupported value \"" + format.path("aspect_ratio").asText() + "\".";
        }
        String task = body.path("generation_config").path("video_config").path("task").asText("text_to_video");
        if (!TASKS.contains(task)) {
            return "* generation_config.video_config.task: unsupported value \"" + task + "\".";
        }
        for (String forbidden : new String[] {"temperature", "safety_settings", "system_instruction"}) {
            if (body.has(forbidden) || body.path("generation_config").has(forbidden)) {
                return "* " + forbidden + ": is not supported by this model.";
            }
        }
        if (!body.path("input").isArray() && !body.path("input").isTextual()) {
            return "* input: required.";
        }
        return null;
    }

    private static int seconds(JsonNode body) {
        Matcher m = SECONDS.matcher(prompt(body));
        return m.find() ? Math.max(3, Math.min(10, Integer.parseInt(m.group(1)))) : 8;
    }

    private static String prompt(JsonNode body) {
        if (body.path("input").isTextual()) {
            return body.path("input").asText();
        }
        StringBuilder text = new StringBuilder();
        body.path("input").forEach(b -> text.append(b.path("text").asText("")).append('\n'));
        return text.toString();
    }

    private ObjectNode view(Stored s, String base, String version) {
        ObjectNode v = NODES.objectNode().put("id", s.id()).put("object", "interaction")
                .put("model", s.request().path("model").asText()).put("created", "2026-12-01T10:00:00Z");
        v.set("response_format", s.request().path("response_format"));
        if (s.request().hasNonNull("previous_interaction_id")) {
            v.put("previous_interaction_id", s.request().path("previous_interaction_id").asText());
        }
        if (s.polls().incrementAndGet() <= pollsBeforeDone) {
            return v.put("status", "in_progress");
        }
        String prompt = prompt(s.request());
        if (prompt.contains("REFUSE_ME")) {
            v.put("status", "failed").putArray("errors").addObject().put("code", "SAFETY")
                    .put("message", "The request was blocked by safety filters. You have not been charged for this attempt.");
            return v;
        }
        ArrayNode steps = v.put("status", "completed").putArray("steps");
        steps.addObject().put("type", "thought").putArray("content").addObject().put("type", "text").put("text", "Planning the shot.");
        ArrayNode content = steps.addObject().put("type", "model_output").putArray("content");
        if (prompt.contains("SILENT_REFUSAL")) {
            content.addObject().put("type", "text").put("text", "I can't create that video.");
            v.putObject("usage").put("total_input_tokens", 300).put("total_output_tokens", 12);
            return v;
        }
        ObjectNode video = content.addObject().put("type", "video").put("mime_type", "video/mp4");
        if (s.request().path("response_format").path("delivery").asText("inline").equals("uri")) {
            video.put("uri", base + "/" + (version.startsWith("v1beta1") ? "v1beta" : version) + "/files/f_" + s.id()
                    + ":download?alt=media");
        } else {
            video.put("data", Base64.getEncoder().encodeToString(clipOfSeconds.apply(s.seconds())));
        }
        ObjectNode usage = v.putObject("usage").put("total_input_tokens", 310)
                .put("total_output_tokens", (long) s.seconds() * TOKENS_PER_SECOND);
        usage.putArray("output_tokens_by_modality").addObject().put("modality", "video")
                .put("tokens", (long) s.seconds() * TOKENS_PER_SECOND);
        return v;
    }

    private static ResponseDefinition json(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString()).build();
    }

    static ResponseDefinition error(int code, String status, String message) {
        ObjectNode root = NODES.objectNode();
        root.putObject("error").put("code", code).put("message", message).put("status", status);
        return json(code, root);
    }
}
