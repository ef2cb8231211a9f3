package org.reelforge.provider.elevenlabs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.reelforge.video.TimedWord;

/**
 * Turns ElevenLabs' per-character alignment ({@code characters}, {@code character_start_times_seconds},
 * {@code character_end_times_seconds}) into words: the characters between whitespace, from the first one's
 * start to the last one's end.
 */
final class CharacterAlignment {
    private CharacterAlignment() {
    }

    static List<TimedWord> words(JsonNode alignment) {
        JsonNode chars = alignment.path("characters");
        JsonNode starts = alignment.path("character_start_times_seconds");
        JsonNode ends = alignment.path("character_end_times_seconds");
        int n = Math.min(chars.size(), Math.min(starts.size(), ends.size()));
        List<TimedWord> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        long start = 0;
        long end = 0;
        for (int i = 0; i < n; i++) {
            String c = chars.get(i).asText();
            if (c.isBlank()) {
                flush(word, start, end, words);
                continue;
            }
            if (word.length() == 0) {
                start = millis(starts.get(i));
            }
            word.append(c);
            end = Math.max(start, millis(ends.get(i)));
        }
        flush(word, start, end, words);
        return words;
    }

    /** No alignment came back: spread the words over the audio in proportion to their length. */
    static List<TimedWord> spread(String text, long durationMillis) {
        String[] tokens = text.strip().split("\\s+");
        long totalChars = 0;
        for (String t : tokens) {
            totalChars += t.length();
        }
        List<TimedWord> words = new ArrayList<>();
        long consumed = 0;
        for (String t : tokens) {
            if (t.isEmpty()) {
                continue;
            }
            long start = durationMillis * consumed / Math.max(1, totalChars);
            consumed += t.length();
            words.add(new TimedWord(t, start, durationMillis * consumed / Math.max(1, totalChars)));
        }
        return words;
    }

    private static void flush(StringBuilder word, long start, long end, List<TimedWord> words) {
        if (word.length() > 0) {
            words.add(new TimedWord(word.toString(), start, end));
            word.setLength(0);
        }
    }

    private static long millis(JsonNode seconds) {
        return Math.max(0, Math.round(seconds.asDouble(0) * 1000));
    }
}
