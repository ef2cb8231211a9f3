package org.reelforge.provider.offline.script;

import java.util.regex.Pattern;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.VideoRequest;

/**
 * The user's theme, made safe to carry into text: line breaks and control characters become spaces,
 * everything else (quotes, backslashes, braces, emoji, right-to-left scripts) is kept verbatim.
 */
record Theme(String text) {
    private static final Pattern BREAKS = Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u0085]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    /** At most this many words of the theme are spoken at once; longer themes are cut. */
    private static final int SPOKEN_WORDS = 6;
    private static final int SPOKEN_CHARS = 60;
    /** Themes of at most this many words are repeated in the body; longer ones are referred to. */
    private static final int REPEATABLE_WORDS = 4;

    static Theme of(String raw) {
        String text = raw == null ? "" : SPACES.matcher(BREAKS.matcher(raw).replaceAll(" ")).replaceAll(" ").strip();
        if (text.isEmpty()) {
            throw new InvalidRequestException("theme", "is required and must not be blank");
        }
        return new Theme(Words.cut(text, VideoRequest.MAX_THEME_CHARS));
    }

    /** A stable number for this theme (String.hashCode is specified), so choices repeat across runs. */
    int seed() {
        return text.hashCode() & 0x7fffffff;
    }

    /** The theme as said aloud in a hook or closing line: verbatim, or its first words when long. */
    String spoken() {
        return Words.cut(Words.first(text, SPOKEN_WORDS), SPOKEN_CHARS);
    }

    /** Whether the body of the script can repeat the theme, or should say "this topic" instead. */
    boolean isShort() {
        return spoken().equals(text) && Words.count(text) <= REPEATABLE_WORDS;
    }

    /** The theme limited to {@code maxChars} code points, for titles and on-screen text. */
    String upTo(int maxChars) {
        return Words.cut(text, maxChars);
    }
}
