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

    /** The words joined as written (spaces, except between Chinese or Japanese characters), control characters removed. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = AssText.plain(words.get(i).text());
            if (i > 0 && spaceBefore(i)) {
                text.append(' ');
            }
            text.append(word);
        }
        return text.toString();
    }

    /** Whether word {@code index} is separated from the previous one by a space. */
    boolean spaceBefore(int index) {
        return CaptionWords.spaced(AssText.plain(words.get(index - 1).text()), AssText.plain(words.get(index).text()));
    }

    /**
     * Cuts {@code words} (sorted by start here) into short lines: at most {@code style.maxLineWords()} words
     * and {@code style.maxLineChars()} average characters wide (a wider token is cut first, see
     * {@link CaptionWords#fitted}), and never across a pause longer than {@code style.maxPauseMillis()}.
     */
    public static List<CaptionLine> split(List<TimedWord> words, CaptionStyle style) {
        List<TimedWord> sorted = CaptionWords.fitted(
                words.stream().sorted(Comparator.comparingLong(TimedWord::startMillis)).toList(), style.maxLineChars());
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
        List<TimedWord> longer = new ArrayList<>(current);
        longer.add(next);
        boolean cjk = !CaptionWords.spaced(AssText.plain(last.text()), AssText.plain(next.text()));
        return (!cjk && current.size() >= style.maxLineWords())
                || length(new CaptionLine(longer).text()) > style.maxLineChars()
                || next.startMillis() - last.endMillis() > style.maxPauseMillis();
    }

    /** Width of {@code text} in average glyphs (see {@link CaptionWords#width}). */
    static double length(String text) {
        return CaptionWords.width(text);
    }
}
