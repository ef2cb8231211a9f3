package org.reelforge.media;

/**
 * Makes user text safe to put in an ASS {@code Dialogue} line, shown verbatim by libass.
 *
 * <p>What libass (0.17, ffmpeg 5.1) does, found by rendering: {@code \{} and {@code \}} show literal
 * braces; there is no escape for the backslash itself ({@code \\} shows two backslashes) and a backslash
 * before {@code N}, {@code n} or {@code h} is a line break or hard space. So a backslash is written as
 * backslash + U+2060 WORD JOINER: libass sees no escape after it and prints the backslash, and the
 * joiner is invisible. Control characters (newlines, tabs, U+2028/2029) become spaces, since a
 * newline would end the Dialogue line. Emoji, joiners and right-to-left text pass unchanged.
 */
public final class AssText {
    static final char WORD_JOINER = '\u2060';

    private AssText() {
    }

    /** {@code text} ready for the Text field of an ASS event. */
    public static String escape(String text) {
        String clean = plain(text);
        StringBuilder out = new StringBuilder(clean.length() + 8);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '\\' -> out.append('\\').append(WORD_JOINER);
                case '{' -> out.append("\\{");
                case '}' -> out.append("\\}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} on one line: control and line/paragraph separator characters become single spaces. */
    public static String plain(String text) {
        return text.replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ").strip();
    }
}
