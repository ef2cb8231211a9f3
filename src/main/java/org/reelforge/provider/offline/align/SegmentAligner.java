package org.reelforge.provider.offline.align;

import java.util.ArrayList;
import java.util.List;
import org.reelforge.provider.Transcriber.Segment;
import org.reelforge.provider.audio.MonoAudio;
import org.reelforge.provider.offline.speech.Espeak;
import org.reelforge.provider.offline.speech.EspeakSpeechSynthesizer;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/**
 * Aligns the known text of one segment onto its window of the real audio, the way the aeneas aligner does:
 * speak the text with espeak-ng (word times known), compute MFCCs of both, warp the synthetic onto the real
 * with DTW, and carry each synthetic word onset along the warping path. When the window holds no sound or
 * the warp is implausible (speech squeezed or stretched more than threefold), the words are spread over the
 * window in the rhythm of the synthetic speech instead.
 */
final class SegmentAligner {
    private static final int MAX_CELLS = 4_000_000;
    private static final double SILENT_RMS = 0.001;
    private static final double MAX_STRETCH = 3.0;
    private static final int HOP = Mfcc.HOP_MILLIS;
    private static final int PAD_MILLIS = 500;
    /** How far after a warped first word in silence the real rise is looked for. */
    private static final int SNAP_MILLIS = 350;

    private final EspeakSpeechSynthesizer reference;
    private final MonoAudio audio;
    private final Mfcc realFeatures;

    SegmentAligner(EspeakSpeechSynthesizer reference, MonoAudio audio) {
        this.reference = reference;
        this.audio = audio;
        this.realFeatures = new Mfcc(audio.sampleRate());
    }

    List<TimedWord> align(Segment segment, Language language) {
        long start = Math.max(0, Math.min(segment.startMillis(), audio.durationMillis()));
        long end = Math.max(start, Math.min(segment.endMillis(), audio.durationMillis()));
        EspeakSpeechSynthesizer.Spoken synthetic = reference.speak(segment.text(), language, 1.0);
        if (synthetic.words().isEmpty()) {
            return List.of();
        }
        List<TimedWord> warped = end - start >= 10 * HOP && !silent(start, end) ? warp(synthetic, start, end) : List.of();
        return plausible(warped, synthetic.words()) ? warped : spread(synthetic.words(), start, end);
    }

    private List<TimedWord> warp(EspeakSpeechSynthesizer.Spoken synthetic, long start, long end) {
        MonoAudio speech = padded(synthetic.utterance());
        float[][] query = new Mfcc(speech.sampleRate()).of(speech.samples(), 0, speech.samples().length);
        float[][] real = realFeatures.of(audio.samples(), audio.sampleAt(start), audio.sampleAt(end));
        if (query.length == 0 || real.length == 0) {
            return List.of();
        }
        int[] firstReal = Dtw.firstMatches(real, query, MAX_CELLS);
        List<TimedWord> words = synthetic.words();
        long[] starts = new long[words.size()];
        long[] ends = new long[words.size()];
        for (int k = 0; k < words.size(); k++) {
            starts[k] = start + HOP * (long) firstReal[frame(PAD_MILLIS + words.get(k).startMillis(), query.length)];
            ends[k] = start + HOP * (long) firstReal[frame(PAD_MILLIS + words.get(k).endMillis(), query.length)];
        }
        snapAfterSilence(starts, start, end);
        return timed(words, starts, ends, end);
    }

    /**
     * The segment's first word follows the block's leading silence, where DTW is blind (any silent frame matches any
     * other) and may leave the silence too early: when the warped start lies in silence, it moves to where the real
     * sound first rises, at most {@value #SNAP_MILLIS} ms later. Later words keep the warp: inside speech it is right.
     */
    private void snapAfterSilence(long[] starts, long start, long end) {
        Onsets real = new Onsets(audio.samples(), audio.sampleAt(start), audio.sampleAt(end), audio.sampleRate());
        if (!real.usable()) {
            return;
        }
        long estimate = starts[0] - start;
        long rise = real.quietAt(estimate) ? real.firstRise(estimate, estimate + SNAP_MILLIS) : -1;
        if (rise >= 0) {
            starts[0] = starts.length > 1 ? Math.min(start + rise, starts[1] - 1) : start + rise;
        }
    }

    /**
     * The synthetic speech with silence before and after, so that the silence around the real speech has
     * something to match and the first word is free to start later than the window.
     */
    private static MonoAudio padded(Espeak.Utterance utterance) {
        int pad = utterance.sampleRate() * PAD_MILLIS / 1000;
        short[] pcm = new short[utterance.samples().length + 2 * pad];
        System.arraycopy(utterance.samples(), 0, pcm, pad, utterance.samples().length);
        return MonoAudio.of(pcm, utterance.sampleRate());
    }

    private static int frame(long millis, int frames) {
        return (int) Math.min(frames - 1, millis / HOP);
    }

    /** Spreads the words over the window, keeping the synthetic speech's relative timing. */
    static List<TimedWord> spread(List<TimedWord> synthetic, long start, long end) {
        double scale = (end - start) / (double) Math.max(1, synthetic.get(synthetic.size() - 1).endMillis());
        long[] starts = new long[synthetic.size()];
        long[] ends = new long[synthetic.size()];
        for (int k = 0; k < synthetic.size(); k++) {
            starts[k] = start + Math.round(synthetic.get(k).startMillis() * scale);
            ends[k] = start + Math.round(synthetic.get(k).endMillis() * scale);
        }
        return timed(synthetic, starts, ends, end);
    }

    /** Builds the words with starts that never go back and ends between their start and the next start. */
    private static List<TimedWord> timed(List<TimedWord> words, long[] starts, long[] ends, long limit) {
        List<TimedWord> timed = new ArrayList<>(words.size());
        long previous = -1;
        for (int k = 0; k < words.size(); k++) {
            long begin = Math.min(limit, Math.max(starts[k], previous + 1));
            long next = k + 1 < words.size() ? Math.max(begin, Math.min(limit, starts[k + 1])) : limit;
            timed.add(new TimedWord(words.get(k).text(), begin, Math.max(begin, Math.min(ends[k], next))));
            previous = begin;
        }
        return timed;
    }

    private boolean plausible(List<TimedWord> warped, List<TimedWord> synthetic) {
        if (warped.isEmpty()) {
            return false;
        }
        double realSpan = warped.get(warped.size() - 1).endMillis() - warped.get(0).startMillis();
        double syntheticSpan = synthetic.get(synthetic.size() - 1).endMillis() - synthetic.get(0).startMillis();
        return realSpan * MAX_STRETCH >= syntheticSpan && realSpan <= syntheticSpan * MAX_STRETCH;
    }

    private boolean silent(long start, long end) {
        float[] samples = audio.samples();
        double sum = 0;
        int from = audio.sampleAt(start);
        int to = audio.sampleAt(end);
        for (int i = from; i < to; i++) {
            sum += samples[i] * samples[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from)) < SILENT_RMS;
    }
}
