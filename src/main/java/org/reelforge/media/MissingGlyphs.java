package org.reelforge.media;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads libass's complaints in ffmpeg's stderr: a character that no installed font can draw is shown as an
 * empty box ("tofu"), and libass says so ({@code fontselect: failed to find any fallback with glyph 0x1F525}).
 */
public final class MissingGlyphs {
    private static final Pattern NO_FALLBACK = Pattern.compile("failed to find any fallback with glyph 0x([0-9A-Fa-f]+)");

    private MissingGlyphs() {
    }

    /** The code points libass could draw with no font, in order. */
    public static Set<Integer> in(List<String> stderr) {
        Set<Integer> missing = new TreeSet<>();
        for (String line : stderr) {
            Matcher m = NO_FALLBACK.matcher(line);
            if (m.find()) {
                missing.add(Integer.parseInt(m.group(1), 16));
            }
        }
        return missing;
    }

    /** {@code U+1F525 U+1F389} for messages. */
    public static String describe(Set<Integer> codePoints) {
        return String.join(" ", codePoints.stream().map(cp -> String.format("U+%04X", cp)).toList());
    }
}
