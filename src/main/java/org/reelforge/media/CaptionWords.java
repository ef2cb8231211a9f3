package org.reelforge.media;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reelforge.video.TimedWord;

/**
 * The width and spacing rules of caption text across scripts. Chinese and Japanese are written without spaces,
 * so a transcriber may hand over a whole sentence as one "word": such a token is cut at the line-break
 * opportunities of its script ({@link BreakIterator}) into pieces that fit a line, each given a share of the
 * token's time in proportion to its characters, and pieces are joined without a space.
 */
final class CaptionWords {
    /** Full-width (CJK) glyphs are about this many average glyphs wide. */
    private static final double WIDE = 1.5;

    private CaptionWords() {
    }

    /** {@code words} with every token wider than {@code maxWidth} cut into pieces that fit. */
    static List<TimedWord> fitted(List<TimedWord> words, int maxWidth) {
        List<TimedWord> out = new ArrayList<>(words.size());
        for (TimedWord word : words) {
            if (width(word.text()) <= maxWidth) {
                out.add(word);
            } else {
                out.addAll(cut(word, maxWidth));
            }
        }
        return out;
    }

    /** Whether a space separates {@code left} and {@code right} on screen: not between two CJK characters. */
    static boolean spaced(String left, String right) {
        if (left.isEmpty() || right.isEmpty()) {
            return true;
        }
        return !(isWide(left.codePointBefore(left.length())) || isWide(right.codePointAt(0)));
    }

    /** Width in average glyphs: wide glyphs count {@value #WIDE}, combining marks and joiners nothing. */
    static double width(String text) {
        String plain = AssText.plain(text);
        double width = 0;
        for (int i = 0; i < plain.length(); ) {
            int cp = plain.codePointAt(i);
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK && type != Character.FORMAT) {
                width += isWide(cp) ? WIDE : 1;
            }
            i += Character.charCount(cp);
        }
        return width;
    }

    static boolean isWide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60);
    }

    private static List<TimedWord> cut(TimedWord word, int maxWidth) {
        List<String> pieces = pieces(AssText.plain(word.text()), maxWidth);
        double total = pieces.stream().mapToDouble(CaptionWords::width).sum();
        List<TimedWord> out = new ArrayList<>(pieces.size());
        long span = Math.max(pieces.size(), word.endMillis() - word.startMillis());
        double done = 0;
        for (String piece : pieces) {
            long start = word.startMillis() + Math.round(span * done / total);
            done += width(piece);
            long end = Math.max(start + 1, word.startMillis() + Math.round(span * done / total));
            out.add(new TimedWord(piece, start, end));
        }
        return out;
    }

    /**
     * Greedy filling of lines from the text's break opportunities; an unbreakable run of CJK characters is cut by
     * characters, any other (a long German compound) stays whole and is shrunk to fit when drawn.
     */
    private static List<String> pieces(String text, int maxWidth) {
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
        breaks.setText(text);
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String segment = text.substring(start, end);
            if (current.length() > 0 && width(current + segment) > maxWidth) {
                pieces.add(current.toString().strip());
                current.setLength(0);
            }
            current.append(segment);
            while (width(current.toString()) > maxWidth && hasWide(current)) {
                int cut = characterCut(current.toString(), maxWidth);
                pieces.add(current.substring(0, cut));
                current.delete(0, cut);
            }
        }
        if (!current.toString().isBlank()) {
            pieces.add(current.toString().strip());
        }
        return pieces;
    }

    private static boolean hasWide(CharSequence text) {
        return text.codePoints().anyMatch(CaptionWords::isWide);
    }

    private static int characterCut(String text, int maxWidth) {
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int last = characters.next();
        for (int end = last; end != BreakIterator.DONE && width(text.substring(0, end)) <= maxWidth; end = characters.next()) {
            last = end;
        }
        return last;
    }
}
