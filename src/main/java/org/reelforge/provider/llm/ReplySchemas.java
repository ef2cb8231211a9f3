package org.reelforge.provider.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reelforge.video.ClipLengths;

/** The JSON Schemas of the replies we ask for, in strict form (see {@link LlmChat.Request#schema()}). */
final class ReplySchemas {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The script schema with {@code duration} limited to {@code lengths}: an enum of seconds, or a minimum and maximum. */
    static JsonNode script(ClipLengths lengths) {
        ObjectNode schema = SCRIPT.deepCopy();
        ObjectNode duration = (ObjectNode) schema.path("properties").path("blocks").path("items").path("properties")
                .path("duration");
        duration.remove("enum");
        if (!lengths.only().isEmpty()) {
            ArrayNode allowed = duration.putArray("enum");
            lengths.only().forEach(allowed::add);
        } else {
            duration.put("minimum", lengths.min()).put("maximum", lengths.max());
        }
        duration.put("description", "seconds: " + lengths.describe());
        return schema;
    }

    private static final JsonNode SCRIPT = parse("""
            {"type":"object","additionalProperties":false,"required":["title","style_guide","blocks"],
             "properties":{
              "title":{"type":"string","description":"short title of the video"},
              "style_guide":{"type":"string","description":"characters, setting, palette, camera, tone; in English"},
              "blocks":{"type":"array","items":{"type":"object","additionalProperties":false,
                "required":["index","duration","visual_prompt","spoken_text","on_screen_text","emphasis"],
                "properties":{
                 "index":{"type":"integer","description":"1, 2, 3… in order"},
                 "duration":{"type":"integer","enum":[4,6,8],"description":"seconds: 4, 6 or 8"},
                 "visual_prompt":{"type":"string","description":"what the clip shows; in English"},
                 "spoken_text":{"type":"string","description":"what is said during the clip"},
                 "on_screen_text":{"type":["string","null"],"description":"short caption or null"},
                 "emphasis":{"type":"array","items":{"type":"string"},
                  "description":"1 to 3 key words of spoken_text, copied exactly, that the captions highlight"}}}}}}""");

    static final JsonNode ADAPTED = parse("""
            {"type":"object","additionalProperties":false,"required":["blocks"],
             "properties":{"blocks":{"type":"array","items":{"type":"object","additionalProperties":false,
               "required":["index","spoken_text"],
               "properties":{"index":{"type":"integer"},"spoken_text":{"type":"string"}}}}}}""");

    static final JsonNode REWRITTEN_BLOCK = parse("""
            {"type":"object","additionalProperties":false,"required":["visual_prompt","spoken_text"],
             "properties":{"visual_prompt":{"type":"string","description":"the new clip prompt; in English"},
              "spoken_text":{"type":"string","description":"the new spoken line, in the video's language"}}}""");

    private ReplySchemas() {
    }

    private static JsonNode parse(String schema) {
        try {
            return JSON.readTree(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad built-in schema", e);
        }
    }
}
