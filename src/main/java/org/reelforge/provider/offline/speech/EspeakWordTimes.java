package org.reelforge.provider.offline.speech;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reelforge.video.TimedWord;

/**
 * Places the words of a text on the audio espeak-ng made of it. A word starts at the first
 * {@code espeakEVENT_WORD} that points inside it; a word espeak announced no event for (rare: it can merge
 * words) gets a start interpolated by character position. A word ends where its sound stops: before the
 * next event (word, emoji, clause end), minus the silence that precedes it.
 */
final class EspeakWordTimes {
    /** Below this peak amplitude a 5 ms frame counts as silence (about -50 dBFS). */
    private static final int SILENCE_PEAK = 100;

    private EspeakWordTimes() {
    }

    static List<TimedWord> of(List<SpokenWords.Word> words, Espeak.Utterance speech) {
        long[] starts = starts(words, speech);
        List<TimedWord> timed = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            long limit = i + 1 < starts.length ? starts[i + 1] : speech.samples().length;
            long end = soundEnd(speech.samples(), starts[i], Math.min(limit, nextBoundary(speech, words.get(i), starts[i])),
                    speech.sampleRate());
            timed.add(new TimedWord(words.get(i).text(), millis(starts[i], speech), millis(end, speech)));
        }
        return timed;
    }

    private static long[] starts(List<SpokenWords.Word> words, Espeak.Utterance speech) {
        long[] starts = new long[words.size()];
        Arrays.fill(starts, -1);
        int w = 0;
        long previous = 0;
        for (Espeak.Mark mark : speech.marks()) {
            while (mark.word() && w < words.size() && words.get(w).end() <= mark.textPosition()) {
                w++;
            }
            if (mark.word() && w < words.size() && words.get(w).contains(mark.textPosition()) && starts[w] < 0) {
                previous = Math.max(previous, mark.sample());
                starts[w] = previous;
            }
        }
        fillGaps(starts, words, lastSound(speech.samples(), speech.sampleRate()));
        return starts;
    }

    /** Interpolates missing starts between known neighbours (or the ends of the audio) by character position. */
    private static void fillGaps(long[] starts, List<SpokenWords.Word> words, long audioEnd) {
        int before = -1;
        for (int i = 0; i <= starts.length; i++) {
            if (i < starts.length && starts[i] < 0) {
                continue;
            }
            if (i - before > 1) {
                long from = before < 0 ? 0 : starts[before];
                long to = i < starts.length ? starts[i] : Math.max(from, audioEnd);
                int charFrom = before < 0 ? 0 : words.get(before).start();
                int charTo = i < starts.length ? words.get(i).start() : words.get(i - 1).end();
                for (int k = before + 1; k < i; k++) {
                    double share = (words.get(k).start() - charFrom) / (double) Math.max(1, charTo - charFrom);
                    starts[k] = from + Math.round(share * (to - from));
                }
            }
            before = i;
        }
    }

    /** The first event after {@code start} that is not a word event inside {@code word} ("2024" makes several). */
    private static long nextBoundary(Espeak.Utterance speech, SpokenWords.Word word, long start) {
        long next = Long.MAX_VALUE;
        for (Espeak.Mark mark : speech.marks()) {
            boolean sameWord = mark.word() && word.contains(mark.textPosition());
            if (mark.sample() > start && !sameWord) {
                next = Math.min(next, mark.sample());
            }
        }
        return next;
    }

    /** The end of the last non-silent 5 ms frame in {@code [start, limit)}, at least one frame after start. */
    static long soundEnd(short[] samples, long start, long limit, int sampleRate) {
        int frame = sampleRate / 200;
        long end = Math.min(limit, samples.length);
        while (end - frame > start && peak(samples, end - frame, end) < SILENCE_PEAK) {
            end -= frame;
        }
        return Math.max(end, Math.min(start + frame, Math.min(limit, samples.length)));
    }

    private static long lastSound(short[] samples, int sampleRate) {
        return soundEnd(samples, 0, samples.length, sampleRate);
    }

    private static int peak(short[] samples, long from, long to) {
        int peak = 0;
        for (long i = Math.max(0, from); i < to; i++) {
            peak = Math.max(peak, Math.abs(samples[(int) i]));
        }
        return peak;
    }

    private static long millis(long sample, Espeak.Utterance speech) {
        return sample * 1000 / speech.sampleRate();
    }
}
