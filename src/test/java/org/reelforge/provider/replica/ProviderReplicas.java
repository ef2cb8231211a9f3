package org.reelforge.provider.replica;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One WireMock extension that answers as Gemini (generateContent), Veo (predictLongRunning, operations, file
 * download with a redirect), ElevenLabs (with-timestamps) and OpenAI Whisper (verbose_json) do, with the
 * shapes of provider-api-notes.md, computing each reply from the request so a whole video can be made.
 */
public final class ProviderReplicas implements ResponseDefinitionTransformerV2 {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern OPERATION = Pattern.compile("/v1beta/(models/[^/]+/operations/(op\\d+))");
    /** The Gemini API's live models, answered by {@code GET /v1beta/models/{id}}; Veo ids answer "no longer available". */
    public static final java.util.Set<String> LIVE_MODELS = java.util.Set.of("gemini-3.8-flash", "gemini-3.6-flash",
            "gemini-3.5-flash-lite", "gemini-omni-1.1-flash");
    private final AtomicInteger operations = new AtomicInteger();
    private final InteractionsReplica interactions;
    private final VertexReplica vertex;
    private final byte[] clip;
    private final int blocks;
    private final int blockSeconds;

    /**
     * @param clip the MP4 every finished Veo operation serves (long enough for extensions)
     */
    ProviderReplicas(byte[] clip, int blocks, int blockSeconds, InteractionsReplica interactions, VertexReplica vertex) {
        this.interactions = interactions;
        this.vertex = vertex;
        this.clip = clip;
        this.blocks = blocks;
        this.blockSeconds = blockSeconds;
    }

    @Override
    public String getName() {
        return "provider-replicas";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String path = event.getRequest().getUrl();
        String absolute = event.getRequest().getAbsoluteUrl();
        String base = absolute.substring(0, absolute.length() - path.length());
        try {
            ResponseDefinition omni = interactions.answer(event.getRequest(), base);
            if (omni != null) {
                return omni;
            }
            ResponseDefinition onVertex = vertex.answer(event.getRequest());
            if (onVertex != null) {
                return onVertex;
            }
            if (path.matches("/v1(beta)?/models/[^/:]+")) {
                return modelLookup(path.substring(path.lastIndexOf('/') + 1));
            }
            if (path.endsWith(":generateContent")) {
                return json(gemini(JSON.readTree(event.getRequest().getBodyAsString())));
            }
            if (path.endsWith(":predictLongRunning")) {
                return json("{\"name\":\"models/veo-3.1-fast-generate-preview/operations/op" + operations.incrementAndGet() + "\"}");
            }
            Matcher op = OPERATION.matcher(path);
            if (op.matches()) {
                return json(veoDone(base, op.group(2)));
            }
            if (path.startsWith("/v1beta/files/")) {
                return aResponse().withStatus(302).withHeader("Location", base + "/cdn/" + path.substring(14, path.indexOf(':')) + ".mp4").build();
            }
            if (path.startsWith("/cdn/")) {
                return aResponse().withStatus(200).withHeader("Content-Type", "video/mp4").withBody(clip).build();
            }
            if (path.contains("/with-timestamps")) {
                return json(elevenLabs(JSON.readTree(event.getRequest().getBodyAsString()).path("text").asText()));
            }
            if (path.startsWith("/v1/audio/transcriptions")) {
                return json(whisper(wavSeconds(event.getRequest().getBody())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return aResponse().withStatus(404).withBody("{\"error\":{\"code\":404,\"message\":\"no replica for " + path + "\"}}").build();
    }

    private static ResponseDefinition modelLookup(String id) {
        if (LIVE_MODELS.contains(id)) {
            return json("{\"name\":\"models/" + id + "\",\"version\":\"001\",\"displayName\":\"" + id + "\"}");
        }
        String message = id.startsWith("veo-") || id.startsWith("gemini-2.5")
                ? "This model models/" + id + " is no longer available. Please update your code to use a newer model."
                : "models/" + id + " is not found for API version v1beta, or is not supported for predictLongRunning.";
        return InteractionsReplica.error(404, "NOT_FOUND", message);
    }

    private static ResponseDefinition json(Object body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString()).build();
    }

    private String gemini(JsonNode request) {
        JsonNode properties = request.path("generationConfig").path("responseSchema").path("properties");
        boolean script = properties.has("title");
        ObjectNode reply = NODES.objectNode();
        if (properties.has("prompt")) {
            return candidate(NODES.objectNode().put("prompt", "A calm landscape in soft teal light, slow drift").toString());
        }
        if (properties.has("visual_prompt") && !properties.has("blocks")) {
            return candidate(NODES.objectNode().put("visual_prompt", "A calm valley in soft teal light, slow drift")
                    .put("spoken_text", "Voici la vallée calme au petit matin.").toString());
        }
        if (script) {
            reply.put("title", "Les volcans").put("style_guide", "Basalt cliffs, orange lava, grey sky, handheld camera");
        }
        ArrayNode items = reply.putArray("blocks");
        for (int i = 1; i <= blocks; i++) {
            ObjectNode b = items.addObject().put("index", i);
            if (script) {
                b.put("duration", blockSeconds).put("visual_prompt", "Orange lava flows down a black slope, shot " + i)
                        .putNull("on_screen_text");
            }
            b.put("spoken_text", "Voici le volcan et la lave qui coule dans la vallée, partie " + i + ".");
        }
        return candidate(reply.toString());
    }

    /** A generateContent reply carrying {@code text} in parts[0].text, with usage of 1000 in / 400 + 100 out. */
    private static String candidate(String text) {
        ObjectNode root = NODES.objectNode();
        ObjectNode candidate = root.putArray("candidates").addObject();
        candidate.putObject("content").put("role", "model").putArray("parts").addObject().put("text", text);
        candidate.put("finishReason", "STOP").put("index", 0);
        root.putObject("usageMetadata").put("promptTokenCount", 1000).put("candidatesTokenCount", 400)
                .put("thoughtsTokenCount", 100).put("totalTokenCount", 1500);
        return root.put("modelVersion", "gemini-3.8-flash-001").toString();
    }

    private static String veoDone(String base, String op) {
        ObjectNode root = NODES.objectNode().put("name", "models/veo-3.1-fast-generate-preview/operations/" + op).put("done", true);
        root.putObject("response").put("@type", "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse")
                .putObject("generateVideoResponse").putArray("generatedSamples").addObject().putObject("video")
                .put("uri", base + "/v1beta/files/" + op + ":download?alt=media");
        return root.toString();
    }

    /** 60 ms of quiet tone per character at 24 kHz, with the character alignment ElevenLabs returns. */
    private static String elevenLabs(String text) {
        int perChar = 24_000 * 60 / 1000;
        ByteBuffer pcm = ByteBuffer.allocate(text.length() * perChar * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < text.length() * perChar; i++) {
            pcm.putShort((short) (3000 * Math.sin(2 * Math.PI * 220 * i / 24_000.0)));
        }
        ObjectNode root = NODES.objectNode().put("audio_base64", Base64.getEncoder().encodeToString(pcm.array()));
        ObjectNode alignment = root.putObject("alignment");
        ArrayNode chars = alignment.putArray("characters");
        ArrayNode starts = alignment.putArray("character_start_times_seconds");
        ArrayNode ends = alignment.putArray("character_end_times_seconds");
        for (int i = 0; i < text.length(); i++) {
            chars.add(String.valueOf(text.charAt(i)));
            starts.add(i * 0.06);
            ends.add((i + 1) * 0.06);
        }
        root.set("normalized_alignment", alignment.deepCopy());
        return root.toString();
    }

    /** Whisper "hears" three words, spread over the uploaded audio, and bills its length in whole seconds. */
    private static String whisper(double seconds) {
        ObjectNode root = NODES.objectNode().put("task", "transcribe").put("language", "french").put("duration", seconds)
                .put("text", "voici le volcan");
        ArrayNode words = root.putArray("words");
        String[] said = {"voici", "le", "volcan"};
        double step = seconds / (said.length + 1);
        for (int i = 0; i < said.length; i++) {
            words.addObject().put("word", said[i]).put("start", step * (i + 0.5)).put("end", step * (i + 1.2));
        }
        root.putNull("segments");
        root.putObject("usage").put("type", "duration").put("seconds", (int) Math.ceil(seconds));
        return root.toString();
    }

    /** The length of the WAV inside a multipart body: its data chunk's size over its byte rate. */
    static double wavSeconds(byte[] body) {
        int riff = indexOf(body, "RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
        int data = indexOf(body, "data".getBytes(java.nio.charset.StandardCharsets.US_ASCII), riff + 12);
        if (riff < 0 || data < 0) {
            return 0;
        }
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        return (double) Integer.toUnsignedLong(b.getInt(data + 4)) / b.getInt(riff + 28);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
