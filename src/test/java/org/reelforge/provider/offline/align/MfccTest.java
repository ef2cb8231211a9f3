package org.reelforge.provider.offline.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MfccTest {
    @Test
    void oneSecondGivesAHundredFramesOfTwelveCoefficients() {
        float[][] features = new Mfcc(16000).of(new float[16000], 0, 16000);

        assertThat(features).hasNumberOfRows(100);
        assertThat(features[0]).hasSize(12);
        for (float[] row : features) {
            for (float c : row) {
                assertThat(Float.isFinite(c)).isTrue();
            }
        }
    }

    @Test
    void featuresOnlyCoverTheRequestedRange() {
        float[] samples = tones(16000, 300, 2000);

        float[][] secondHalf = new Mfcc(16000).of(samples, 8000, 16000);

        assertThat(secondHalf).hasNumberOfRows(50);
    }

    @Test
    void theSameSoundGivesCloseFeaturesAtDifferentSampleRates() {
        float[][] narrow = new Mfcc(16000).of(tones(16000, 300, 2000), 0, 16000);
        float[][] wide = new Mfcc(44100).of(tones(44100, 300, 2000), 0, 44100);

        double sameTime = distance(narrow[25], wide[25]);
        double otherSound = distance(narrow[25], narrow[75]);

        assertThat(sameTime).isLessThan(otherSound / 5);
    }

    @Test
    void loudnessDoesNotChangeTheFeatures() {
        float[] loud = tones(16000, 300, 2000);
        float[] quiet = loud.clone();
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] *= 0.1f;
        }

        assertThat(distance(new Mfcc(16000).of(loud, 0, 16000)[30], new Mfcc(16000).of(quiet, 0, 16000)[30]))
                .isLessThan(1e-3);
    }

    @Test
    void theFftFindsTheEnergyOfASineInItsBin() {
        double[] frame = new double[64];
        for (int i = 0; i < 64; i++) {
            frame[i] = Math.sin(2 * Math.PI * 8 * i / 64);
        }

        double[] power = new Fft(64).power(frame);

        assertThat(power[8]).isCloseTo(32 * 32, within(1e-6));
        assertThat(power[7] + power[9]).isLessThan(1e-9);
    }

    /** One second: the first half a low tone, the second half a high tone. */
    private static float[] tones(int rate, double lowHz, double highHz) {
        float[] samples = new float[rate];
        for (int i = 0; i < rate; i++) {
            double hz = i < rate / 2 ? lowHz : highHz;
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return samples;
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
