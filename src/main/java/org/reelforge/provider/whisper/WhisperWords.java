package org.reelforge.provider.whisper;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.reelforge.video.TimedWord;

/** Reads word timings out of the two verbose_json dialects: OpenAI's top-level words, whisper.cpp's token pieces. */
final class WhisperWords {
    /** whisper.cpp special tokens such as {@code [_BEG_]}, {@code [_TT_150]} or {@code <|endoftext|>}. */
    private static final Pattern SPECIAL = Pattern.compile("\\s*(\\[_[A-Z]+_?\\d*]|<\\|[^|]*\\|>)\\s*");

    private WhisperWords() {
    }

    /** OpenAI: {@code words[{word, start, end}]}, seconds, shifted by {@code offsetMillis}. */
    static List<TimedWord> openAi(JsonNode reply, long offsetMillis) {
        List<TimedWord> words = new ArrayList<>();
        for (JsonNode w : reply.path("words")) {
            String text = w.path("word").asText("").strip();
            if (!text.isEmpty()) {
                words.add(word(text, w, w, offsetMillis));
            }
        }
        return words;
    }

    /**
     * whisper.cpp: {@code segments[].words[]} are token pieces; a piece that starts with a space begins a new
     * word, any other piece continues the current one (" Bon" + "jour" + "," → "Bonjour,"). Each segment starts
     * a new word.
     */
    static List<TimedWord> whisperCpp(JsonNode reply) {
        List<TimedWord> words = new ArrayList<>();
        for (JsonNode segment : reply.path("segments")) {
            StringBuilder text = new StringBuilder();
            JsonNode first = null;
            JsonNode last = null;
            for (JsonNode piece : segment.path("words")) {
                String p = piece.path("word").asText("");
                if (p.isBlank() || SPECIAL.matcher(p).matches()) {
                    continue;
                }
                if (p.startsWith(" ") && text.length() > 0) {
                    words.add(word(text.toString(), first, last, 0));
                    text.setLength(0);
                }
                if (text.length() == 0) {
                    first = piece;
                }
                text.append(p.strip());
                last = piece;
            }
            if (text.length() > 0) {
                words.add(word(text.toString(), first, last, 0));
            }
        }
        return words;
    }

    private static TimedWord word(String text, JsonNode first, JsonNode last, long offsetMillis) {
        long start = Math.max(0, Math.round(first.path("start").asDouble(0) * 1000));
        long end = Math.max(start, Math.round(last.path("end").asDouble(0) * 1000));
        return new TimedWord(text, start + offsetMillis, end + offsetMillis);
    }
}
