package org.reelforge.provider.offline.script;

import java.util.ArrayList;
import java.util.List;
import org.reelforge.provider.offline.script.Phrasebook.Part;
import org.reelforge.video.Style;

/**
 * Every developing sentence one style can say about a theme, in the order a theme's seed gives: each
 * lead-in paired with points so that no pair repeats (leads × points sentences), then the points alone,
 * then the short fillers used to round a block up to its length. Each sentence names its topic (the
 * point it makes) so that a script can avoid making the same point twice in a row.
 */
final class BodySentences {
    private final List<String> leads;
    private final List<String> points;
    private final List<String> fillers;
    private final int seed;

    BodySentences(Phrasebook book, Style style, String themeInBody, int seed) {
        this.leads = book.phrases(style, Part.LEAD);
        this.points = book.phrases(style, Part.POINT).stream().map(p -> p.replace(Phrasebook.THEME, themeInBody)).toList();
        this.fillers = book.phrases(style, Part.FILLER);
        this.seed = seed;
    }

    /** One sentence and what it is about: sentences with the same topic make the same point. */
    record Sentence(String text, int topic, int lead, int words) {
        static final int NO_LEAD = -1;
        static final int FILLER = -1;

        Sentence(String text, int topic, int lead) {
            this(text, topic, lead, Words.count(text));
        }

        boolean isFiller() {
            return topic == FILLER;
        }
    }

    List<Sentence> all() {
        List<Sentence> sentences = new ArrayList<>();
        int pairs = leads.size() * points.size();
        for (int k = 0; k < pairs; k++) {
            int i = Math.floorMod(seed + k, pairs);
            int lead = i % leads.size();
            // (lead, (i / leads + lead) mod points) is one-to-one over i < leads × points: no pair twice.
            int point = (i / leads.size() + lead) % points.size();
            sentences.add(new Sentence(leads.get(lead) + " " + points.get(point), point, lead));
        }
        for (int k = 0; k < points.size(); k++) {
            int point = Math.floorMod(seed + k, points.size());
            sentences.add(new Sentence(capitalised(points.get(point)), point, Sentence.NO_LEAD));
        }
        for (int k = 0; k < fillers.size(); k++) {
            int filler = Math.floorMod(seed + k, fillers.size());
            sentences.add(new Sentence(fillers.get(filler), Sentence.FILLER, Sentence.NO_LEAD));
        }
        return List.copyOf(sentences);
    }

    private static String capitalised(String sentence) {
        int first = sentence.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(sentence.substring(Character.charCount(first))).toString();
    }
}
