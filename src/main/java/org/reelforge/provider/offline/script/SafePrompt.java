package org.reelforge.provider.offline.script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refused clip prompt made safe: only its colours, camera motion and a neutral setting survive, inside a
 * generic scene; people, brands, real names, violence and quoted text are left behind because nothing but
 * those whitelisted words is ever copied.
 */
final class SafePrompt {
    private static final List<String> SETTINGS = List.of("forest", "ocean", "sea", "beach", "mountains", "mountain",
            "desert", "sky", "clouds", "river", "lake", "field", "garden", "city", "skyline", "street", "library",
            "classroom", "studio", "workspace", "kitchen", "room", "space", "stars", "valley", "village");
    private static final List<String> DEFAULT_COLOURS = List.of("teal", "white");
    private static final String DEFAULT_MOTION = "drift";

    private SafePrompt() {
    }

    static String from(String refusedPrompt) {
        String text = refusedPrompt == null ? "" : refusedPrompt.toLowerCase(Locale.ROOT);
        List<String> colours = found(text, VisualDirection.COLOURS, 2);
        if (colours.size() < 2) {
            colours = colours.isEmpty() ? DEFAULT_COLOURS : List.of(colours.get(0), colours.get(0).equals("white") ? "teal" : "white");
        }
        List<String> motions = found(text, VisualDirection.MOTIONS, 1);
        List<String> settings = found(text, SETTINGS, 1);
        String setting = settings.isEmpty() ? "" : ", with a hint of " + settings.get(0) + " in the background";
        return "A peaceful abstract scene of soft geometric shapes and gentle light" + setting
                + ". Dominant colour " + colours.get(0) + ", with " + colours.get(1) + " highlights. Camera motion: "
                + (motions.isEmpty() ? DEFAULT_MOTION : motions.get(0))
                + ", slow and steady. No people, no faces, no text, no logos.";
    }

    /** The vocabulary words present in the text as whole words, in the order they first appear. */
    private static List<String> found(String text, List<String> vocabulary, int max) {
        record Hit(int at, String word) {
        }
        List<Hit> hits = new ArrayList<>();
        for (String word : vocabulary) {
            Matcher m = Pattern.compile("\\b" + word.replace(" ", "\\s+") + "\\b").matcher(text);
            if (m.find()) {
                hits.add(new Hit(m.start(), word));
            }
        }
        return hits.stream().sorted(Comparator.comparingInt(Hit::at)).limit(max).map(Hit::word).toList();
    }
}
