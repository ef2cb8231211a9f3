package org.reelforge.provider.offline.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OnsetsTest {
    private static final int RATE = 16_000;

    /** Noise at {@code floor} amplitude, a tone of {@code level} from {@code fromMillis} on, and optional clicks. */
    private static float[] signal(int millis, int fromMillis, double floor, double level, int clickAtMillis) {
        float[] s = new float[millis * RATE / 1000];
        Random random = new Random(3);
        for (int i = 0; i < s.length; i++) {
            double t = i / (double) RATE;
            s[i] = (float) (floor * random.nextGaussian() + (i >= fromMillis * RATE / 1000 ? level * Math.sin(2 * Math.PI * 220 * t) : 0));
        }
        if (clickAtMillis >= 0) {
            for (int i = 0; i < RATE / 500; i++) {
                s[clickAtMillis * RATE / 1000 + i] = 0.8f;
            }
        }
        return s;
    }

    @Test
    void theRiseOfSpeechAfterSilenceIsFoundToTheFrame() {
        Onsets onsets = new Onsets(signal(3_000, 1_230, 0.0005, 0.3, -1), 0, 3 * RATE, RATE);
        assertThat(onsets.usable()).isTrue();
        assertThat(onsets.quietAt(1_000)).isTrue();
        assertThat(onsets.firstRise(900, 1_600)).isBetween(1_220L, 1_240L);
        assertThat(onsets.firstRise(1_300, 1_600)).isEqualTo(-1);
    }

    @Test
    void aClickIsNoStartAndABedOfNoiseIsNoSpeech() {
        Onsets clicked = new Onsets(signal(3_000, 2_000, 0.0005, 0.3, 1_000), 0, 3 * RATE, RATE);
        assertThat(clicked.firstRise(800, 2_300)).isBetween(1_990L, 2_010L);
        Onsets bed = new Onsets(signal(3_000, 1_500, 0.05, 0.1, -1), 0, 3 * RATE, RATE);
        assertThat(bed.firstRise(1_000, 2_000)).as("speech only 6 dB over the bed is not trusted").isEqualTo(-1);
    }
}
