package org.reelforge.provider.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reelforge.provider.offline.Phrasebook.Part;
import org.reelforge.video.Style;

/**
 * Writes what is said and shown in each block of one script: a hook, developing sentences, a closing
 * line, each block sized to its duration at about {@value #WORDS_PER_SECOND} words a second, and no sentence
 * said twice. One instance per script; not thread-safe (it remembers what it already said).
 */
final class Narrator {
    /** What a block does in the video. */
    enum Role { HOOK, BODY, CLOSE }

    static final double WORDS_PER_SECOND = 2.2;
    private static final int ON_SCREEN_THEME_CHARS = 60;
    private static final int MAX_TITLE_CHARS = 200;

    private final Phrasebook book;
    private final Style style;
    private final Theme theme;
    private final int seed;
    private final List<BodySentences.Sentence> body;
    private final Set<String> said = new HashSet<>();
    private final Map<Integer, Integer> topicUses = new HashMap<>();
    private final Map<Integer, Integer> leadUses = new HashMap<>();
    private int bodyBlocks;

    Narrator(Phrasebook book, Style style, Theme theme) {
        this.book = book;
        this.style = style;
        this.theme = theme;
        this.seed = theme.seed() + style.ordinal();
        this.body = new BodySentences(book, style, theme.isShort() ? theme.text() : book.reference(), seed).all();
    }

    /** Words a block of this length should hold: the target, and the range that still sounds natural. */
    record Budget(int low, int target, int high) {
        static Budget forSeconds(int seconds) {
            return new Budget((int) Math.ceil(1.75 * seconds), (int) Math.round(WORDS_PER_SECOND * seconds),
                    (int) Math.floor(2.5 * seconds));
        }

        Budget less(int words) {
            return new Budget(low - words, target - words, high - words);
        }
    }

    String title() {
        String template = pick(book.phrases(style, Part.TITLE), 0);
        int room = MAX_TITLE_CHARS - (template.codePointCount(0, template.length()) - Phrasebook.THEME.length());
        return template.replace(Phrasebook.THEME, theme.upTo(room));
    }

    /** The spoken text of one block. */
    String spoken(Role role, int seconds) {
        Budget budget = Budget.forSeconds(seconds);
        List<String> sentences = new ArrayList<>();
        String closing = null;
        if (role == Role.HOOK) {
            sentences.add(fitting(Part.HOOK, budget.high()));
        } else if (role == Role.CLOSE) {
            closing = fitting(Part.CLOSE, budget.high());
            budget = budget.less(Words.count(closing));
        }
        fill(sentences, budget);
        if (closing != null) {
            sentences.add(closing);
        }
        return String.join(" ", sentences);
    }

    /** Short text shown on screen: the theme on the hook, a label on every other body block, a call to act at the end. */
    String onScreen(Role role) {
        return switch (role) {
            case HOOK -> theme.upTo(ON_SCREEN_THEME_CHARS);
            case CLOSE -> pick(book.phrases(style, Part.OUTRO), 0);
            case BODY -> bodyBlocks++ % 2 == 0 ? pick(book.phrases(style, Part.LABEL), bodyBlocks / 2) : null;
        };
    }

    private void fill(List<String> sentences, Budget budget) {
        int words = sentences.stream().mapToInt(Words::count).sum();
        while (words < budget.low()) {
            BodySentences.Sentence next = bestBodySentence(words, budget);
            if (next == null) {
                return;
            }
            sentences.add(next.text());
            said.add(next.text());
            topicUses.merge(next.topic(), 1, Integer::sum);
            leadUses.merge(next.lead(), 1, Integer::sum);
            words += next.words();
        }
    }

    /**
     * The unsaid sentence on the least-used topic (then with the least-used lead-in) that brings the block
     * closest to its target without going over the limit; null when none fits.
     */
    private BodySentences.Sentence bestBodySentence(int words, Budget budget) {
        BodySentences.Sentence best = null;
        long bestScore = Long.MAX_VALUE;
        for (BodySentences.Sentence sentence : body) {
            int total = words + sentence.words();
            long score = topicUses.getOrDefault(sentence.topic(), 0) * 10_000L
                    + (sentence.lead() == BodySentences.Sentence.NO_LEAD ? 0 : leadUses.getOrDefault(sentence.lead(), 0) * 100L)
                    + Math.abs(budget.target() - total);
            if (total <= budget.high() && score < bestScore && !said.contains(sentence.text())) {
                best = sentence;
                bestScore = score;
            }
        }
        return best;
    }

    /** A hook or closing line that fits, preferring the one this theme draws; the shortest if none fits. */
    private String fitting(Part part, int maxWords) {
        List<String> phrases = book.phrases(style, part);
        String shortest = null;
        for (int i = 0; i < phrases.size(); i++) {
            String phrase = phrases.get(Math.floorMod(seed + i, phrases.size())).replace(Phrasebook.THEME, theme.spoken());
            if (Words.count(phrase) <= maxWords && !said.contains(phrase)) {
                said.add(phrase);
                return phrase;
            }
            shortest = shortest == null || Words.count(phrase) < Words.count(shortest) ? phrase : shortest;
        }
        said.add(shortest);
        return shortest;
    }

    private String pick(List<String> phrases, int offset) {
        return phrases.get(Math.floorMod(seed + offset, phrases.size()));
    }
}
