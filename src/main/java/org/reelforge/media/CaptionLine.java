package org.reelforge.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.reelforge.video.TimedWord;

/** A few consecutive words shown together on screen. */
public record CaptionLine(List<TimedWord> words) {
    public CaptionLine {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a caption line needs at least one word");
        }
    }

    public long startMillis() {
        return words.get(0).startMillis();
    }

    public long endMillis() {
        return words.get(words.size() - 1).endMillis();
    }

    /** The words joined by spaces, control characters removed. */
    public String text() {
        return String.join(" ", words.stream().map(w -> AssText.plain(w.text())).toList());
    }

    /**
     * Cuts {@code words} (sorted by start here) into short lines: at most {@code style.maxLineWords()}
     * words and {@code style.maxLineChars()} characters (a longer single word stands alone), and never
     * across a pause longer than {@code style.maxPauseMillis()}.
     */
    public static List<CaptionLine> split(List<TimedWord> words, CaptionStyle style) {
        List<TimedWord> sorted = words.stream().sorted(Comparator.comparingLong(TimedWord::startMillis)).toList();
        List<CaptionLine> lines = new ArrayList<>();
        List<TimedWord> current = new ArrayList<>();
        for (TimedWord word : sorted) {
            if (!current.isEmpty() && startsNewLine(current, word, style)) {
                lines.add(new CaptionLine(current));
                current = new ArrayList<>();
            }
            current.add(word);
        }
        if (!current.isEmpty()) {
            lines.add(new CaptionLine(current));
        }
        return lines;
    }

    private static boolean startsNewLine(List<TimedWord> current, TimedWord next, CaptionStyle style) {
        TimedWord last = current.get(current.size() - 1);
        int chars = current.stream().mapToInt(w -> length(w.text()) + 1).sum() + length(next.text());
        return current.size() >= style.maxLineWords()
                || chars > style.maxLineChars()
                || next.startMillis() - last.endMillis() > style.maxPauseMillis();
    }

    static int length(String text) {
        String plain = AssText.plain(text);
        return plain.codePointCount(0, plain.length());
    }
}
