package org.reelforge.provider.offline.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a text as captions show them: runs of non-space characters that hold at least one letter
 * or digit, kept as written ({@code l'école,} stays one word with its comma). Runs without a letter or
 * digit (a dash, an emoji, {@code &}) are not words. Positions count code points, as espeak-ng does.
 */
final class SpokenWords {
    private SpokenWords() {
    }

    /** A word and its place in the text, in code points: {@code [start, end)}. */
    record Word(String text, int start, int end) {
        boolean contains(int position) {
            return position >= start && position < end;
        }
    }

    static List<Word> of(String text) {
        int[] codePoints = text.codePoints().toArray();
        List<Word> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= codePoints.length; i++) {
            boolean space = i == codePoints.length || isSpace(codePoints[i]);
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                addIfSpoken(words, codePoints, start, i);
                start = -1;
            }
        }
        return words;
    }

    private static void addIfSpoken(List<Word> words, int[] codePoints, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(codePoints[i])) {
                words.add(new Word(new String(codePoints, start, end - start), start, end));
                return;
            }
        }
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
