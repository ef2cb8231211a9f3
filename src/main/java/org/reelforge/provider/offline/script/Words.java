package org.reelforge.provider.offline.script;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Counting and shortening words of user-visible text without ever splitting a character. */
final class Words {
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern SPOKEN = Pattern.compile(".*[\\p{L}\\p{N}].*");
    static final String ELLIPSIS = "…";

    private Words() {
    }

    /** Words a voice would say: whitespace-separated tokens holding a letter or a digit. */
    static int count(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return (int) Arrays.stream(SPACE.split(text.strip())).filter(token -> SPOKEN.matcher(token).matches()).count();
    }

    /** The text if it has at most {@code maxChars} code points, else its longest head that does, ending in "…". */
    static String cut(String text, int maxChars) {
        if (text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        String head = text.substring(0, text.offsetByCodePoints(0, maxChars - 1));
        int space = head.lastIndexOf(' ');
        if (space > head.length() / 2) {
            return head.substring(0, space).strip() + ELLIPSIS;
        }
        return head.substring(0, lastCharacterBoundary(text, head.length())).strip() + ELLIPSIS;
    }

    /** The text up to its {@code maxWords}-th spoken word (see {@link #count}), ending in "…" when some were left out. */
    static String first(String text, int maxWords) {
        String[] tokens = SPACE.split(text.strip());
        int words = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (SPOKEN.matcher(tokens[i]).matches() && ++words > maxWords) {
                return String.join(" ", Arrays.copyOf(tokens, i)) + ELLIPSIS;
            }
        }
        return text.strip();
    }

    private static int lastCharacterBoundary(String text, int atMost) {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        int boundary = characters.preceding(atMost + 1);
        return boundary == BreakIterator.DONE ? 0 : boundary;
    }
}
