package org.reelforge.provider.offline.script;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reelforge.video.Language;
import org.reelforge.video.Style;

/**
 * The built-in writer's phrases for one language, per style and part of a script, read once from
 * {@code narration-<language>.txt} next to this class. {@code {T}} in a phrase stands for the theme.
 */
final class Phrasebook {
    /** The parts a script is made of. */
    enum Part { TITLE, HOOK, LEAD, POINT, FILLER, CLOSE, LABEL, OUTRO }

    static final String THEME = "{T}";
    private static final Map<String, Phrasebook> BOOKS = Map.of("fr", load("fr"), "en", load("en"));

    private final Map<String, List<String>> sections;

    private Phrasebook(Map<String, List<String>> sections) {
        this.sections = Map.copyOf(sections);
    }

    static Phrasebook of(Language language) {
        return BOOKS.get(language.code());
    }

    List<String> phrases(Style style, Part part) {
        return sections.get(key(style.wireName(), part));
    }

    /** How the script refers to a theme too long to repeat: "ce sujet", "this topic". */
    String reference() {
        return sections.get("common.reference").get(0);
    }

    private static String key(String group, Part part) {
        return group + "." + part.name().toLowerCase(Locale.ROOT);
    }

    private static Phrasebook load(String code) {
        String resource = "narration-" + code + ".txt";
        try (InputStream in = Phrasebook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in writer: resource " + resource + " is missing from the classpath");
            }
            return checked(resource, parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("built-in writer: cannot read " + resource, e);
        }
    }

    private static Map<String, List<String>> parse(List<String> lines) {
        Map<String, List<String>> sections = new HashMap<>();
        List<String> current = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
            } else if (current != null) {
                current.add(line);
            }
        }
        return sections;
    }

    private static Phrasebook checked(String resource, Map<String, List<String>> sections) {
        List<String> required = new ArrayList<>(List.of("common.reference"));
        for (Style style : Style.values()) {
            for (Part part : Part.values()) {
                required.add(key(style.wireName(), part));
            }
        }
        for (String key : required) {
            if (sections.getOrDefault(key, List.of()).isEmpty()) {
                throw new IllegalStateException("built-in writer: " + resource + " has no phrases under [" + key + "]");
            }
        }
        return new Phrasebook(sections);
    }
}
