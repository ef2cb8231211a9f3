package org.reelforge.provider.offline.script;

import java.util.Locale;
import java.util.regex.Pattern;

/** Pauses for a speech synthesizer: commas and periods in the right places, nothing doubled or dangling. */
final class Punctuation {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]+");
    private static final Pattern SPACE_BEFORE = Pattern.compile(" +(?=[,.…])");
    private static final Pattern PAUSE_RUN = Pattern.compile("([,;:])(?:\\s*[,;:])+");
    private static final Pattern PAUSE_BEFORE_STOP = Pattern.compile("[,;:]\\s*(?=[.!?…])");
    private static final Pattern PAUSE_AFTER_STOP = Pattern.compile("(?<=[.!?…])\\s*[,;:]+");
    private static final Pattern REPEATED_STOP = Pattern.compile("([!?])\\1+|(?<!\\.)\\.\\.(?!\\.)|\\.{4,}");
    private static final Pattern MISSING_SPACE = Pattern.compile("([,;!?])(?=\\p{L})");
    private static final Pattern LEADING = Pattern.compile("^[\\s,.;:!?…]+");
    private static final Pattern SENTENCE_START = Pattern.compile("(^|[.!?…]\\s+)(\\p{Ll})");
    private static final Pattern TRAILING_PAUSE = Pattern.compile("[\\s,;:]+$");

    private Punctuation() {
    }

    static boolean endsSentence(String text) {
        return text.matches("(?s).*[.!?…,;:]\\s*$");
    }

    /** Normalised spacing and pauses; the result ends with a sentence stop unless it is empty. */
    static String tidy(String text) {
        String out = SPACES.matcher(text).replaceAll(" ");
        out = SPACE_BEFORE.matcher(out).replaceAll("");
        out = PAUSE_RUN.matcher(out).replaceAll("$1");
        out = PAUSE_BEFORE_STOP.matcher(out).replaceAll("");
        out = PAUSE_AFTER_STOP.matcher(out).replaceAll("");
        out = REPEATED_STOP.matcher(out).replaceAll(m -> m.group(1) != null ? m.group(1) : m.group().length() > 3 ? "..." : ".");
        out = MISSING_SPACE.matcher(out).replaceAll("$1 ");
        out = LEADING.matcher(out).replaceAll("");
        out = TRAILING_PAUSE.matcher(out).replaceAll("").strip();
        out = SENTENCE_START.matcher(out).replaceAll(m -> m.group(1) + m.group(2).toUpperCase(Locale.ROOT));
        if (out.isEmpty() || out.matches("(?s).*[.!?…]$")) {
            return out;
        }
        return out + ".";
    }
}
