package org.reelforge.provider;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.reelforge.provider.Transcriber.Segment;
import org.reelforge.provider.Transcriber.SegmentMatch;
import org.reelforge.video.TimedWord;

/**
 * How well what was heard matches what was expected, per segment: the words both share in order (longest common
 * subsequence of normalised words) over the longer of the two, from 0 (nothing in common) to 1 (word for word).
 * Case, accents and punctuation do not count.
 */
public final class SpokenMatch {
    private SpokenMatch() {
    }

    /** 0–1; two empty texts match fully, one empty text not at all. */
    public static double confidence(String expected, String heard) {
        List<String> a = words(expected);
        List<String> b = words(heard);
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty() ? 1 : 0;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                lcs[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? lcs[i - 1][j - 1] + 1 : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
            }
        }
        return lcs[a.size()][b.size()] / (double) Math.max(a.size(), b.size());
    }

    /** Each segment's match from timed words: the words that start inside its window are what was heard there. */
    public static List<SegmentMatch> of(List<TimedWord> words, List<Segment> expected) {
        List<SegmentMatch> out = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Segment s = expected.get(i);
            StringBuilder heard = new StringBuilder();
            for (TimedWord w : words) {
                boolean last = i == expected.size() - 1;
                if (w.startMillis() >= s.startMillis() && (w.startMillis() < s.endMillis() || last && w.startMillis() >= s.endMillis())) {
                    heard.append(heard.length() == 0 ? "" : " ").append(w.text().strip());
                }
            }
            out.add(new SegmentMatch(i, confidence(s.text(), heard.toString()), heard.toString()));
        }
        return out;
    }

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }
}
