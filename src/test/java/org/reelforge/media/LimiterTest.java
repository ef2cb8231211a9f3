package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LimiterTest {
    private static float[] run(Limiter limiter, float[] input) {
        float[] out = new float[input.length];
        int at = 0;
        int ready = limiter.process(input, input.length / 2);
        System.arraycopy(limiter.buffer(), 0, out, 0, ready * 2);
        at += ready;
        int tail = limiter.flush();
        System.arraycopy(limiter.buffer(), 0, out, at * 2, tail * 2);
        assertThat(at + tail).isEqualTo(input.length / 2);
        return out;
    }

    @Test
    void quietSoundOnlyGetsTheGainAndComesOutInTheSameOrder() {
        float[] in = new float[2_000];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (0.1 * Math.sin(i / 7.0));
        }
        float[] out = run(new Limiter(2.0, 0.75), in);
        for (int i = 0; i < in.length; i++) {
            assertThat((double) out[i]).isCloseTo(in[i] * 2.0, within(1e-6));
        }
    }

    @Test
    void noSamplePassesTheCeilingAndTheGainComesBackAfterThePeak() {
        float[] in = new float[48_000 * 2];
        for (int f = 0; f < 48_000; f++) {
            double level = f >= 10_000 && f < 10_050 ? 0.9 : 0.2;
            in[2 * f] = (float) (level * Math.sin(f / 5.0));
            in[2 * f + 1] = in[2 * f];
        }
        Limiter limiter = new Limiter(1.5, 0.75);
        float[] out = run(limiter, in);
        for (float s : out) {
            assertThat(Math.abs(s)).isLessThanOrEqualTo(0.7501f);
        }
        assertThat(limiter.deepest()).isCloseTo(0.75 / 1.35, within(0.02));
        // a quarter of a second later the gain is back to (almost) nothing taken off
        assertThat(Math.abs(out[2 * 30_000 + 0] / (1.5 * in[2 * 30_000]))).isCloseTo(1.0, within(0.02));
    }
}
