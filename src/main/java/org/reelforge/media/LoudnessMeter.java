package org.reelforge.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Integrated loudness per ITU-R BS.1770-4 / EBU R128 of 48 kHz stereo, fed in chunks: K-weighting (the standard's
 * two biquads at 48 kHz), mean square per 100 ms step, 400 ms blocks overlapping by 75 %, absolute gate -70 LUFS,
 * relative gate -10 LU. Also the sample peak. Not thread-safe.
 */
final class LoudnessMeter {
    static final int RATE = 48_000;
    private static final int STEP = RATE / 10;
    private final Biquad[] shelf = {Biquad.shelf(), Biquad.shelf()};
    private final Biquad[] highPass = {Biquad.highPass(), Biquad.highPass()};
    private final List<Double> steps = new ArrayList<>();
    private double stepSum;
    private int stepFill;
    private float peak;

    /** Adds {@code frames} interleaved stereo frames of {@code samples}. */
    void add(float[] samples, int frames) {
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < 2; c++) {
                float x = samples[2 * f + c];
                peak = Math.max(peak, Math.abs(x));
                double y = highPass[c].next(shelf[c].next(x));
                sum += y * y;
            }
            stepSum += sum;
            if (++stepFill == STEP) {
                steps.add(stepSum / STEP);
                stepSum = 0;
                stepFill = 0;
            }
        }
    }

    /** Integrated loudness in LUFS; {@link Double#NEGATIVE_INFINITY} for silence or less than 400 ms. */
    double integratedLufs() {
        List<Double> blocks = new ArrayList<>();
        for (int i = 3; i < steps.size(); i++) {
            double power = (steps.get(i - 3) + steps.get(i - 2) + steps.get(i - 1) + steps.get(i)) / 4;
            if (lufs(power) > -70) {
                blocks.add(power);
            }
        }
        if (blocks.isEmpty()) {
            return Double.NEGATIVE_INFINITY;
        }
        double relativeGate = lufs(blocks.stream().mapToDouble(Double::doubleValue).average().orElseThrow()) - 10;
        double gated = blocks.stream().filter(p -> lufs(p) > relativeGate).mapToDouble(Double::doubleValue).average()
                .orElse(0);
        return lufs(gated);
    }

    /** The largest absolute sample seen, in dBFS. */
    double samplePeakDbfs() {
        return 20 * Math.log10(peak);
    }

    private static double lufs(double power) {
        return -0.691 + 10 * Math.log10(power);
    }

    /** A direct-form I biquad. */
    private static final class Biquad {
        private final double b0;
        private final double b1;
        private final double b2;
        private final double a1;
        private final double a2;
        private double x1;
        private double x2;
        private double y1;
        private double y2;

        private Biquad(double b0, double b1, double b2, double a1, double a2) {
            this.b0 = b0;
            this.b1 = b1;
            this.b2 = b2;
            this.a1 = a1;
            this.a2 = a2;
        }

        /** Stage 1 of BS.1770's K-weighting at 48 kHz: the head's high-shelf. */
        static Biquad shelf() {
            return new Biquad(1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585);
        }

        /** Stage 2: the RLB high-pass. */
        static Biquad highPass() {
            return new Biquad(1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621);
        }

        double next(double x) {
            double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            return y;
        }
    }
}
