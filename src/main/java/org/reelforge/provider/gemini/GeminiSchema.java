package org.reelforge.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;

/**
 * Converts our strict JSON Schema into Gemini's {@code responseSchema} dialect (an OpenAPI subset): upper-case
 * types, {@code nullable} instead of a {@code null} type, no {@code additionalProperties}, {@code enum} only on
 * strings (other enums become a description), and {@code propertyOrdering} so fields come in our order.
 */
final class GeminiSchema {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeminiSchema() {
    }

    static ObjectNode of(JsonNode schema) {
        ObjectNode out = NODES.objectNode();
        String type = type(schema, out);
        out.put("type", type.toUpperCase(Locale.ROOT));
        if (schema.has("description")) {
            out.put("description", schema.get("description").asText());
        }
        if (schema.has("enum")) {
            if (type.equals("string")) {
                out.set("enum", schema.get("enum").deepCopy());
            } else {
                out.put("description", schema.path("description").asText("one of") + " " + schema.get("enum"));
            }
        }
        for (String bound : new String[] {"minimum", "maximum"}) {
            if (schema.has(bound)) {
                out.set(bound, schema.get(bound).deepCopy());
            }
        }
        if (schema.has("items")) {
            out.set("items", of(schema.get("items")));
        }
        if (schema.has("properties")) {
            ObjectNode properties = out.putObject("properties");
            ArrayNode ordering = NODES.arrayNode();
            for (Iterator<String> names = schema.get("properties").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                properties.set(name, of(schema.get("properties").get(name)));
                ordering.add(name);
            }
            out.set("propertyOrdering", ordering);
        }
        if (schema.has("required")) {
            out.set("required", schema.get("required").deepCopy());
        }
        return out;
    }

    /** The non-null type; marks {@code nullable} on {@code out} when the schema allows null. */
    private static String type(JsonNode schema, ObjectNode out) {
        JsonNode type = schema.path("type");
        if (!type.isArray()) {
            return type.asText("string");
        }
        String main = "string";
        for (JsonNode t : type) {
            if (t.asText().equals("null")) {
                out.put("nullable", true);
            } else {
                main = t.asText();
            }
        }
        return main;
    }
}
