package org.reelforge.provider.offline.align;

import java.util.Arrays;

/**
 * Where speech starts after silence, from the energy of 10 ms frames: a frame is quiet when it is far under the
 * window's loud frames and not far over its quietest (noise, a music bed), and a start is a rise that lasts.
 */
final class Onsets {
    static final int FRAME_MILLIS = 10;
    /** A frame this far under the loud frames of the window is quiet. */
    private static final double BELOW_SPEECH_DB = 25;
    /** … and at least this far over the quietest frames (noise, music bed). */
    private static final double OVER_FLOOR_DB = 8;
    /** Sound must stay up this long to count as a start (not a click). */
    private static final int SUSTAIN_FRAMES = 4;

    private final double[] frameDb;
    private final double threshold;

    /** Frames of {@code samples[from, to)}. */
    Onsets(float[] samples, int from, int to, int sampleRate) {
        int hop = sampleRate * FRAME_MILLIS / 1000;
        int n = Math.max(0, (to - from) / hop);
        frameDb = new double[n];
        for (int f = 0; f < n; f++) {
            double sum = 0;
            for (int i = from + f * hop; i < from + (f + 1) * hop; i++) {
                sum += samples[i] * samples[i];
            }
            frameDb[f] = 10 * Math.log10(sum / hop + 1e-12);
        }
        double[] sorted = frameDb.clone();
        Arrays.sort(sorted);
        double loud = n == 0 ? 0 : sorted[(int) (0.9 * (n - 1))];
        double floor = n == 0 ? 0 : sorted[(int) (0.1 * (n - 1))];
        threshold = Math.max(loud - BELOW_SPEECH_DB, floor + OVER_FLOOR_DB);
    }

    /** Whether the frames hold both silence and sound, so that onsets mean something. */
    boolean usable() {
        return frameDb.length > SUSTAIN_FRAMES && Arrays.stream(frameDb).anyMatch(db -> db < threshold)
                && Arrays.stream(frameDb).anyMatch(db -> db >= threshold);
    }

    /** The first sustained rise at or after {@code fromMillis} and before {@code toMillis} (window time), or -1. */
    long firstRise(long fromMillis, long toMillis) {
        int from = (int) Math.max(0, fromMillis / FRAME_MILLIS);
        int to = (int) Math.min(frameDb.length - SUSTAIN_FRAMES, toMillis / FRAME_MILLIS);
        for (int f = Math.max(1, from); f < to; f++) {
            if (frameDb[f - 1] < threshold && sustained(f)) {
                return (long) f * FRAME_MILLIS;
            }
        }
        return -1;
    }

    /** Whether frame {@code millis} (window time) is quiet. */
    boolean quietAt(long millis) {
        int f = (int) (millis / FRAME_MILLIS);
        return f >= 0 && f < frameDb.length && frameDb[f] < threshold;
    }

    private boolean sustained(int frame) {
        for (int f = frame; f < frame + SUSTAIN_FRAMES && f < frameDb.length; f++) {
            if (frameDb[f] < threshold) {
                return false;
            }
        }
        return true;
    }
}
