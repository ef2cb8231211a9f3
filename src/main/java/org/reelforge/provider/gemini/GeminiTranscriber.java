package org.reelforge.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.Transcriber;
import org.reelforge.provider.http.JsonHttp;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/**
 * What was really said in each expected segment, heard by Gemini: {@code generateContent} with the audio inline and a
 * JSON schema {@code {segments:[{index, heard}]}}. A video model speaks its own version of a line, so the captions must
 * follow the audio, not the script. Gemini's times are coarse: the words come back spread over each segment's window,
 * and the app aligns them precisely with the offline aligner. Billed as the prompt's tokens at the audio input price
 * (the few output tokens are noted). Thread-safe; blocks for the reply.
 */
public final class GeminiTranscriber implements Transcriber {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GeminiConfig config;
    private final JsonHttp http;

    public GeminiTranscriber(GeminiConfig config) {
        this.config = config;
        this.http = new JsonHttp(GeminiChat.PROVIDER, config.baseUrl(), Map.of("x-goog-api-key", config.apiKey()),
                config.timeouts());
    }

    @Override
    public String name() {
        return "gemini:" + config.model();
    }

    /** About 32 audio tokens a second of audio, plus the prompt. */
    @Override
    public ProviderCall quote(long millis) {
        return new ProviderCall(config.model(), "transcription", 300 + millis * 32 / 1000.0, "audio_input_token");
    }

    @Override
    public Transcript transcribe(Path audio, Language language, List<Segment> expected) {
        JsonNode reply = http.post("/v1beta/models/" + config.model() + ":generateContent", body(audio, language, expected));
        JsonNode usage = reply.path("usageMetadata");
        ProviderCall call = new ProviderCall(config.model(), "transcription", usage.path("promptTokenCount").asLong(0),
                "audio_input_token", "output tokens " + usage.path("candidatesTokenCount").asLong(0) + " not billed here; "
                + "modelVersion " + reply.path("modelVersion").asText("?"), true);
        JsonNode segments = parse(reply).path("segments");
        List<TimedWord> words = new ArrayList<>();
        List<SegmentMatch> matches = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String heard = heard(segments, i + 1);
            matches.add(new SegmentMatch(i, Double.NaN, heard));
            words.addAll(spread(heard, expected.get(i)));
        }
        return new Transcript(words, call, matches);
    }

    private ObjectNode body(Path audio, Language language, List<Segment> expected) {
        ObjectNode body = NODES.objectNode();
        ArrayNode parts = body.putArray("contents").addObject().put("role", "user").putArray("parts");
        parts.addObject().putObject("inlineData").put("mimeType", mime(audio)).put("data", base64(audio));
        parts.addObject().put("text", prompt(language, expected));
        ObjectNode item = NODES.objectNode().put("type", "OBJECT");
        item.putObject("properties").<ObjectNode>set("index", NODES.objectNode().put("type", "INTEGER"))
                .set("heard", NODES.objectNode().put("type", "STRING"));
        item.putArray("required").add("index").add("heard");
        ObjectNode schema = NODES.objectNode().put("type", "OBJECT");
        ObjectNode segs = schema.putObject("properties").putObject("segments").put("type", "ARRAY");
        segs.set("items", item);
        schema.putArray("required").add("segments");
        ObjectNode generation = body.putObject("generationConfig").put("responseMimeType", "application/json")
                .put("maxOutputTokens", config.limits().maxOutputTokens());
        generation.set("responseSchema", schema);
        if (config.limits().thinkingLevel() != null) {
            generation.putObject("thinkingConfig").put("thinkingLevel", config.limits().thinkingLevel());
        }
        return body;
    }

    static String prompt(Language language, List<Segment> expected) {
        StringBuilder p = new StringBuilder("Transcribe exactly what is said in this audio, in " + (language.isFrench()
                ? "French" : "English") + ", segment by segment. For each segment give the words really spoken in its "
                + "time window (not the script below, which may differ), or an empty string when nobody speaks.\n");
        for (int i = 0; i < expected.size(); i++) {
            Segment s = expected.get(i);
            p.append(i + 1).append(String.format(Locale.ROOT, " (%.1f–%.1f s), script: ", s.startMillis() / 1000.0,
                    s.endMillis() / 1000.0)).append(s.text()).append('\n');
        }
        return p.toString();
    }

    private JsonNode parse(JsonNode reply) {
        String text = reply.path("candidates").path(0).path("content").path("parts").path(0).path("text").asText("");
        try {
            return JSON.readTree(text.isBlank() ? "{}" : text);
        } catch (IOException e) {
            throw ProviderException.transientError(GeminiChat.PROVIDER, "transcription reply is not JSON: " + e.getMessage(), e);
        }
    }

    private static String heard(JsonNode segments, int index) {
        for (JsonNode s : segments) {
            if (s.path("index").asInt(-1) == index) {
                return s.path("heard").asText("").strip();
            }
        }
        return "";
    }

    /** The heard words spread evenly over the segment's window: coarse times, refined by the aligner. */
    private static List<TimedWord> spread(String heard, Segment segment) {
        String[] words = heard.isBlank() ? new String[0] : heard.split("\\s+");
        List<TimedWord> out = new ArrayList<>();
        long span = Math.max(1, segment.endMillis() - segment.startMillis());
        for (int i = 0; i < words.length; i++) {
            long start = segment.startMillis() + span * i / words.length;
            out.add(new TimedWord(words[i], start, segment.startMillis() + span * (i + 1) / words.length));
        }
        return out;
    }

    private static String mime(Path audio) {
        String name = audio.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".wav") ? "audio/wav" : name.endsWith(".mp3") ? "audio/mp3" : name.endsWith(".flac")
                ? "audio/flac" : name.endsWith(".m4a") || name.endsWith(".mp4") ? "audio/mp4" : "audio/wav";
    }

    private static String base64(Path audio) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(audio));
        } catch (IOException e) {
            throw ProviderException.permanent(GeminiChat.PROVIDER, "cannot read the audio " + audio + ": " + e.getMessage());
        }
    }
}
