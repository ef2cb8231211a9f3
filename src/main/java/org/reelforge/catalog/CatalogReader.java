package org.reelforge.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reelforge.provider.ClipCapabilities;
import org.reelforge.provider.llm.TextLimits;
import org.reelforge.video.ClipLengths;

/**
 * Reads catalog JSON ({@code {"defaults":{…},"models":[…]}}) into models, and merges an override file into the
 * bundled catalog by model ({@code service} + {@code id}): the fields an override entry gives replace the bundled ones
 * (objects field by field), new models are added. Every error names the file, the model and the field.
 */
final class CatalogReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogReader() {
    }

    static ObjectNode parse(String source, InputStream in) {
        try {
            JsonNode root = JSON.readTree(in);
            if (root == null || !root.isObject()) {
                throw new CatalogException(source + ": must be one JSON object with \"models\" (and optionally \"defaults\")");
            }
            return (ObjectNode) root;
        } catch (IOException e) {
            throw new CatalogException(source + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** The bundled catalog with {@code override} merged into it. */
    static ObjectNode merge(ObjectNode base, ObjectNode override, String overrideSource) {
        ObjectNode merged = base.deepCopy();
        JsonNode defaults = override.path("defaults");
        if (!defaults.isMissingNode()) {
            if (!defaults.isObject()) {
                throw new CatalogException(overrideSource + ": field defaults must be an object of \"step:provider\": model id");
            }
            ((ObjectNode) merged.with("defaults")).setAll((ObjectNode) defaults);
        }
        JsonNode models = override.path("models");
        if (!models.isArray()) {
            throw new CatalogException(overrideSource + ": field models must be an array of models");
        }
        ArrayNode target = (ArrayNode) merged.path("models");
        for (int i = 0; i < models.size(); i++) {
            JsonNode entry = models.get(i);
            String id = entry.path("id").asText("");
            if (!entry.isObject() || id.isBlank()) {
                throw new CatalogException(overrideSource + ": models[" + i + "]: field id is required");
            }
            Optional<ObjectNode> existing = find(target, entry.path("service").asText(null), id, overrideSource);
            if (existing.isPresent()) {
                deepMerge(existing.get(), (ObjectNode) entry);
            } else {
                target.add(entry.deepCopy());
            }
        }
        return merged;
    }

    private static Optional<ObjectNode> find(ArrayNode models, String service, String id, String source) {
        List<ObjectNode> found = new ArrayList<>();
        for (JsonNode m : models) {
            if (m.path("id").asText().equals(id) && (service == null || m.path("service").asText().equals(service))) {
                found.add((ObjectNode) m);
            }
        }
        if (found.size() > 1) {
            throw new CatalogException(source + ": model " + id + ": field service is required, the id is on "
                    + found.stream().map(m -> m.path("service").asText()).toList());
        }
        return found.stream().findFirst();
    }

    private static void deepMerge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(f -> {
            JsonNode old = into.get(f.getKey());
            if (old instanceof ObjectNode o && f.getValue() instanceof ObjectNode n) {
                deepMerge(o, n);
            } else {
                into.set(f.getKey(), f.getValue().deepCopy());
            }
        });
    }

    static Map<String, String> defaults(ObjectNode root, String source) {
        Map<String, String> out = new LinkedHashMap<>();
        root.path("defaults").fields().forEachRemaining(f -> {
            if (!f.getValue().isTextual()) {
                throw new CatalogException(source + ": defaults." + f.getKey() + " must be a model id");
            }
            out.put(f.getKey(), f.getValue().asText());
        });
        return out;
    }

    static List<CatalogModel> models(ObjectNode root, String source) {
        JsonNode models = root.path("models");
        if (!models.isArray()) {
            throw new CatalogException(source + ": field models must be an array of models");
        }
        List<CatalogModel> out = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            out.add(new Entry(source, models.get(i), i).model());
        }
        return out;
    }

    /** One model's JSON, read field by field; errors say which. */
    private record Entry(String source, JsonNode node, int position) {
        CatalogModel model() {
            String id = text("id");
            return new CatalogModel(id, text("service"), text("provider"),
                    field("api", () -> ApiFamily.parse(text("api"))), lifecycle(), clip(id), integer(node.path("clip"), "clip.tokens_per_second", 0),
                    text(), integer(node.path("voice"), "voice.max_characters", 0), prices(), date("source_date"),
                    node.path("note").asText(null), node.path("price_source").asText(null));
        }

        private Lifecycle lifecycle() {
            String status = text("status");
            Lifecycle.State state = field("status", () -> switch (status) {
                case "live" -> Lifecycle.State.LIVE;
                case "deprecated" -> Lifecycle.State.DEPRECATED;
                case "shut_down" -> Lifecycle.State.SHUT_DOWN;
                default -> throw new IllegalArgumentException("must be live, deprecated or shut_down (got \"" + status + "\")");
            });
            LocalDate date = node.has("date") ? date("date") : null;
            return field("date", () -> new Lifecycle(state, date, node.path("replacement").asText(null)));
        }

        private Optional<ClipCapabilities> clip(String id) {
            JsonNode c = node.path("clip");
            if (c.isMissingNode()) {
                return Optional.empty();
            }
            JsonNode ext = c.path("extension");
            ClipCapabilities.Extension extension = ext.isMissingNode() ? null : new ClipCapabilities.Extension(
                    lengths(ext.path("step"), "clip.extension.step"), integer(ext, "clip.extension.max_input", -1),
                    integer(ext, "clip.extension.max_total", -1));
            return Optional.of(field("clip", () -> new ClipCapabilities(id, lengths(c.path("lengths"), "clip.lengths"),
                    strings(c, "clip.resolutions"), c.path("draft_resolution").asText(null), strings(c, "clip.aspect_ratios"),
                    c.path("native_audio").asBoolean(false), extension, integer(c, "clip.max_reference_images", 0),
                    c.path("first_frame").asBoolean(false), integer(c, "clip.max_prompt_chars", -1))));
        }

        private Optional<TextLimits> text() {
            JsonNode t = node.path("text");
            if (t.isMissingNode()) {
                return Optional.empty();
            }
            return Optional.of(field("text", () -> new TextLimits(integer(t, "text.output_token_limit", -1),
                    integer(t, "text.max_output_tokens", -1), t.path("thinking_level").asText(null),
                    t.has("thinking_budget") ? integer(t, "text.thinking_budget", -1) : null,
                    t.path("temperature").asBoolean(false))));
        }

        private List<Price> prices() {
            List<Price> out = new ArrayList<>();
            JsonNode prices = node.path("prices");
            for (int i = 0; i < prices.size(); i++) {
                JsonNode p = prices.get(i);
                String where = "prices[" + i + "]";
                out.add(field(where, () -> new Price(p.path("unit").asText(""), p.path("resolution").asText(null),
                        new BigDecimal(p.path("usd").asText("missing")))));
            }
            return out;
        }

        private ClipLengths lengths(JsonNode value, String name) {
            return field(name, () -> {
                if (value.isArray()) {
                    return ClipLengths.of(ints(value));
                }
                if (value.isObject()) {
                    return ClipLengths.range(integer(value, name + ".min", -1), integer(value, name + ".max", -1));
                }
                throw new IllegalArgumentException("must be a list of seconds [4, 6, 8] or a range {\"min\": 3, \"max\": 10}");
            });
        }

        private static int[] ints(JsonNode array) {
            int[] out = new int[array.size()];
            for (int i = 0; i < out.length; i++) {
                if (!array.get(i).canConvertToInt()) {
                    throw new IllegalArgumentException("must list whole seconds (got " + array.get(i) + ")");
                }
                out[i] = array.get(i).asInt();
            }
            return out;
        }

        private List<String> strings(JsonNode parent, String name) {
            JsonNode array = parent.path(name.substring(name.lastIndexOf('.') + 1));
            if (!array.isArray() || array.isEmpty()) {
                throw error(name, "must be a non-empty list");
            }
            List<String> out = new ArrayList<>();
            array.forEach(v -> out.add(v.asText()));
            return out;
        }

        private int integer(JsonNode parent, String name, int fallback) {
            JsonNode v = parent.path(name.substring(name.lastIndexOf('.') + 1));
            if (v.isMissingNode() && fallback >= 0) {
                return fallback;
            }
            if (!v.canConvertToInt() || v.asInt() < 0) {
                throw error(name, "must be a whole number, 0 or more (got " + (v.isMissingNode() ? "nothing" : v) + ")");
            }
            return v.asInt();
        }

        private String text(String name) {
            String v = node.path(name).asText("");
            if (v.isBlank()) {
                throw error(name, "is required");
            }
            return v;
        }

        private LocalDate date(String name) {
            return field(name, () -> {
                try {
                    return LocalDate.parse(node.path(name).asText(""));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be a date such as 2026-12-01 (got \"" + node.path(name).asText("") + "\")");
                }
            });
        }

        private <T> T field(String name, java.util.function.Supplier<T> read) {
            try {
                return read.get();
            } catch (CatalogException e) {
                throw e;
            } catch (RuntimeException e) {
                throw error(name, e.getMessage());
            }
        }

        private CatalogException error(String field, String rule) {
            String id = node.path("id").asText("");
            String model = id.isBlank() ? "models[" + position + "]" : "model " + id;
            return new CatalogException(source + ": " + model + ": field " + field + " " + rule);
        }
    }
}
