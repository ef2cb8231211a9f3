package org.reelforge.media;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A gain and a look-ahead peak limiter for 48 kHz stereo: the output is the input times {@code gain}, turned down
 * just enough, 5 ms ahead of each peak, that no sample passes {@code ceiling}, and let back up with a 100 ms
 * release. The output lags the input by the look-ahead; {@link #flush} returns the tail. Not thread-safe.
 */
final class Limiter {
    private static final int LOOKAHEAD = 240;
    private static final double RELEASE = 1 - Math.exp(-1.0 / (0.1 * LoudnessMeter.RATE));

    private final double gain;
    private final double ceiling;
    private final float[] delay = new float[2 * (LOOKAHEAD + 1)];
    private final double[] required = new double[LOOKAHEAD + 1];
    private final Deque<Integer> minimum = new ArrayDeque<>();
    private long written;
    private double current = 1;
    private double deepest = 1;
    private float[] out = new float[0];

    Limiter(double gain, double ceiling) {
        this.gain = gain;
        this.ceiling = ceiling;
    }

    /** Takes {@code frames} frames of {@code chunk}; returns how many frames are ready in {@link #buffer()}. */
    int process(float[] chunk, int frames) {
        ensure(frames);
        int ready = 0;
        for (int f = 0; f < frames; f++) {
            ready += push(chunk[2 * f], chunk[2 * f + 1], ready);
        }
        return ready;
    }

    /** Pushes the last look-ahead frames out; returns how many are ready in {@link #buffer()}. */
    int flush() {
        ensure(LOOKAHEAD);
        int ready = 0;
        for (int f = 0; f < LOOKAHEAD; f++) {
            ready += push(0, 0, ready);
        }
        return ready;
    }

    float[] buffer() {
        return out;
    }

    /** The lowest gain reduction applied so far (1 = none). */
    double deepest() {
        return deepest;
    }

    private int push(float left, float right, int at) {
        double l = left * gain;
        double r = right * gain;
        int slot = (int) (written % (LOOKAHEAD + 1));
        if (written > LOOKAHEAD && minimum.peekFirst() != null && minimum.peekFirst() == slot) {
            minimum.pollFirst(); // the oldest frame's slot is about to be reused: it has left the window
        }
        double peak = Math.max(Math.abs(l), Math.abs(r));
        required[slot] = peak > ceiling ? ceiling / peak : 1;
        while (!minimum.isEmpty() && required[minimum.peekLast()] >= required[slot]) {
            minimum.pollLast();
        }
        minimum.addLast(slot);
        written++;
        int outSlot = (int) (written % (LOOKAHEAD + 1));
        float outLeft = delay[2 * outSlot];
        float outRight = delay[2 * outSlot + 1];
        delay[2 * slot] = (float) l;
        delay[2 * slot + 1] = (float) r;
        if (written <= LOOKAHEAD) {
            return 0;
        }
        double target = required[minimum.peekFirst()];
        current = Math.min(target, current + (1 - current) * RELEASE);
        deepest = Math.min(deepest, current);
        out[2 * at] = (float) (outLeft * current);
        out[2 * at + 1] = (float) (outRight * current);
        return 1;
    }

    private void ensure(int frames) {
        if (out.length < frames * 2) {
            out = new float[frames * 2];
        }
    }
}
