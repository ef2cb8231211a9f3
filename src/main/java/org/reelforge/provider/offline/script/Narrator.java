package org.reelforge.provider.offline.script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reelforge.provider.offline.script.Phrasebook.Part;
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
    private final String themeInBody;
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
        this.themeInBody = theme.isShort() ? theme.text() : book.reference();
        this.body = new BodySentences(book, style, themeInBody, seed).all();
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
            sentences.add(fitting(Part.HOOK, budget));
        } else if (role == Role.CLOSE) {
            closing = fitting(Part.CLOSE, budget);
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
            boolean named = sentences.stream().anyMatch(t -> t.contains(themeInBody));
            BodySentences.Sentence next = bestBodySentence(words, budget, named);
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
     * The unsaid sentence that fits under the block's limit and scores best: it makes the least-made point
     * (fillers come last, they only round blocks up), with the least-used lead-in, names the theme if the
     * block does not yet, and brings the block closest to its target. A sentence after which the block could
     * not be completed is taken only when nothing else fits. Null when no sentence fits at all.
     */
    private BodySentences.Sentence bestBodySentence(int words, Budget budget, boolean themeNamed) {
        BodySentences.Sentence best = null;
        long bestScore = Long.MAX_VALUE;
        for (BodySentences.Sentence sentence : body) {
            int total = words + sentence.words();
            if (total > budget.high() || said.contains(sentence.text())) {
                continue;
            }
            long score = score(sentence, total, budget, themeNamed) + (completable(total, sentence, budget) ? 0 : 1L << 40);
            if (score < bestScore) {
                best = sentence;
                bestScore = score;
            }
        }
        return best;
    }

    private long score(BodySentences.Sentence sentence, int total, Budget budget, boolean themeNamed) {
        long topic = sentence.isFiller() ? 1L << 30 : topicUses.getOrDefault(sentence.topic(), 0) * 10_000L;
        long lead = sentence.lead() == BodySentences.Sentence.NO_LEAD ? 0 : leadUses.getOrDefault(sentence.lead(), 0) * 100L;
        long theme = themeNamed || sentence.text().contains(themeInBody) ? 0 : 50;
        return topic + lead + theme + Math.abs(budget.target() - total);
    }

    /** Whether a block at {@code total} words is long enough, or one more unsaid sentence can make it so. */
    private boolean completable(int total, BodySentences.Sentence chosen, Budget budget) {
        if (total >= budget.low()) {
            return true;
        }
        return body.stream().anyMatch(next -> next != chosen && !said.contains(next.text())
                && total + next.words() >= budget.low() && total + next.words() <= budget.high());
    }

    /**
     * A hook or closing line: the first, in this theme's order, that fills the block on its own; else the
     * first that fits (the rest of the block is filled with body sentences); else the shortest.
     */
    private String fitting(Part part, Budget budget) {
        List<String> phrases = new ArrayList<>();
        for (int i = 0; i < book.phrases(style, part).size(); i++) {
            String phrase = pick(book.phrases(style, part), i).replace(Phrasebook.THEME, theme.spoken());
            phrases.add(phrase.replace(Words.ELLIPSIS + ".", Words.ELLIPSIS));
        }
        String chosen = phrases.stream().filter(p -> Words.count(p) >= budget.low() && Words.count(p) <= budget.high())
                .findFirst()
                .or(() -> phrases.stream().filter(p -> Words.count(p) <= budget.high()).findFirst())
                .orElseGet(() -> phrases.stream().min(Comparator.comparingInt(Words::count)).orElseThrow());
        said.add(chosen);
        return chosen;
    }

    private String pick(List<String> phrases, int offset) {
        return phrases.get(Math.floorMod(seed + offset, phrases.size()));
    }
}
