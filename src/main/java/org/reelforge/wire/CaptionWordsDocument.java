package org.reelforge.wire;

import java.util.ArrayList;
import java.util.List;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.TimedWord;

/**
 * The caption words of a video as a person reads and corrects them: {@code {words: [{text, start_ms, end_ms}]}}, times
 * in milliseconds into the video. {@code basis} (stored, not shown) names the clips the words were timed on, so a
 * correction is dropped once a block is made again.
 */
public record CaptionWordsDocument(String basis, List<Word> words, Boolean edited) {
    public static final int MAX_WORDS = 2_000;
    public static final int MAX_WORD_CHARS = 64;

    /** One caption word. */
    public record Word(String text, Long startMs, Long endMs) {
    }

    public static CaptionWordsDocument of(String basis, List<TimedWord> words, boolean edited) {
        return new CaptionWordsDocument(basis, words.stream()
                .map(w -> new Word(w.text(), w.startMillis(), w.endMillis())).toList(), edited);
    }

    /**
     * The words as timed words, each broken rule naming its field ({@code words[3].text}): 1–{@value #MAX_WORD_CHARS}
     * characters without control characters, {@code 0 ≤ start_ms ≤ end_ms ≤ videoMillis}, starts in order.
     */
    public List<TimedWord> toWords(long videoMillis) {
        if (words == null || words.isEmpty()) {
            throw new InvalidRequestException("words", "must list at least one word");
        }
        if (words.size() > MAX_WORDS) {
            throw new InvalidRequestException("words", "must list at most " + MAX_WORDS + " words (got " + words.size() + ")");
        }
        List<TimedWord> out = new ArrayList<>();
        long previousStart = 0;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            String field = "words[" + i + "]";
            if (w == null) {
                throw new InvalidRequestException(field, "must be {text, start_ms, end_ms}");
            }
            String text = w.text() == null ? "" : w.text().strip();
            if (text.isEmpty() || text.codePointCount(0, text.length()) > MAX_WORD_CHARS
                    || text.codePoints().anyMatch(Character::isISOControl)) {
                throw new InvalidRequestException(field + ".text", "must be 1–" + MAX_WORD_CHARS
                        + " characters without control characters");
            }
            if (w.startMs() == null || w.startMs() < 0 || w.startMs() > videoMillis) {
                throw new InvalidRequestException(field + ".start_ms", "must be a time from 0 to " + videoMillis
                        + " ms (the video's length)");
            }
            if (w.endMs() == null || w.endMs() < w.startMs() || w.endMs() > videoMillis) {
                throw new InvalidRequestException(field + ".end_ms", "must be from start_ms to " + videoMillis + " ms");
            }
            if (w.startMs() < previousStart) {
                throw new InvalidRequestException(field + ".start_ms", "must not be before the previous word's start ("
                        + previousStart + " ms): words are in order");
            }
            previousStart = w.startMs();
            out.add(new TimedWord(text, w.startMs(), w.endMs()));
        }
        return out;
    }
}
