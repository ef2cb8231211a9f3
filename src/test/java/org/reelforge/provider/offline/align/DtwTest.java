package org.reelforge.provider.offline.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DtwTest {
    @Test
    void warpingOntoATimeStretchedCopyRecoversTheStretch() {
        float[][] query = features(200);
        float[][] stretched = stretch(query, 1.5);

        int[] first = Dtw.firstMatches(stretched, query, Integer.MAX_VALUE);

        for (int j = 0; j < query.length; j++) {
            assertThat(first[j]).as("frame %d", j).isCloseTo((int) Math.ceil(j * 1.5), within(1));
        }
    }

    @Test
    void aNarrowBandFindsTheSamePathAsTheFullMatrix() {
        float[][] query = features(300);
        float[][] stretched = stretch(query, 0.7);

        int[] full = Dtw.firstMatches(stretched, query, Integer.MAX_VALUE);
        int[] banded = Dtw.firstMatches(stretched, query, stretched.length * 40);

        assertThat(banded).isEqualTo(full);
    }

    @Test
    void identicalSequencesFollowTheDiagonal() {
        float[][] query = features(50);

        assertThat(Dtw.firstMatches(query, query, Integer.MAX_VALUE)).isEqualTo(java.util.stream.IntStream.range(0, 50).toArray());
    }

    @Test
    void aLongerPauseInTheReferenceDelaysTheWordThatFollowsIt() {
        float[][] query = withPause(features(100), 50, 10);
        float[][] reference = withPause(features(100), 50, 60);

        int[] first = Dtw.firstMatches(reference, query, Integer.MAX_VALUE);

        assertThat(first[60]).as("first frame after the pause").isEqualTo(110);
        assertThat(first[49]).as("last frame before the pause").isEqualTo(49);
    }

    @Test
    void emptySequencesCannotBeWarped() {
        assertThatThrownBy(() -> Dtw.firstMatches(new float[0][], features(3), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 and 3 frames");
    }

    /** Frames that differ from their neighbours, like speech does. */
    private static float[][] features(int frames) {
        float[][] f = new float[frames][];
        for (int i = 0; i < frames; i++) {
            f[i] = new float[] {(float) Math.sin(i * 0.3), (float) Math.cos(i * 0.17), (float) Math.sin(i * 0.05) * 2};
        }
        return f;
    }

    private static float[][] withPause(float[][] frames, int at, int length) {
        float[][] out = new float[frames.length + length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = i < at ? frames[i] : i < at + length ? new float[] {0, 0, 0} : frames[i - length];
        }
        return out;
    }

    private static float[][] stretch(float[][] frames, double factor) {
        float[][] out = new float[(int) Math.round(frames.length * factor)][];
        for (int i = 0; i < out.length; i++) {
            out[i] = frames[Math.min(frames.length - 1, (int) (i / factor))];
        }
        return out;
    }
}
