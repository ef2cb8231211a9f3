package org.reelforge.provider.offline.align;

/**
 * Mel-frequency cepstral coefficients, one vector per 10 ms: 25 ms Hamming windows, 40 mel filters between
 * 60 Hz and 7.6 kHz, coefficients c1..c12. c0 (loudness) is left out, as aeneas does: it is what a noise or
 * music bed changes most (in {@code CaptionAlignmentBenchmark}, keeping it raised the mean onset error under
 * noise from 9–12 ms to 16–22 ms, and to 150–300 ms when weighted double). The filter band does not depend on the
 * sample rate (as long as it is at least 16 kHz), so features of 22.05 kHz speech and of 48 kHz audio are
 * comparable without resampling. Each coefficient is then centred on its mean over the sequence (cepstral
 * mean normalization), which removes the colour of the microphone or of the synthesizer.
 */
final class Mfcc {
    static final int HOP_MILLIS = 10;
    static final int COEFFICIENTS = 12;
    private static final int WINDOW_MILLIS = 25;
    private static final int FILTERS = 40;
    private static final double LOW_HZ = 60;
    private static final double HIGH_HZ = 7600;
    private static final double PRE_EMPHASIS = 0.97;
    private static final double FLOOR = 1e-10;

    private final int window;
    private final int hop;
    private final double[] hamming;
    private final Fft fft;
    private final double[][] filters;

    Mfcc(int sampleRate) {
        this.window = sampleRate * WINDOW_MILLIS / 1000;
        this.hop = sampleRate * HOP_MILLIS / 1000;
        this.hamming = new double[window];
        for (int i = 0; i < window; i++) {
            hamming[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (window - 1));
        }
        this.fft = new Fft(Integer.highestOneBit(window - 1) << 1);
        this.filters = melFilters(sampleRate, fft.size());
    }

    /** One row per 10 ms of {@code samples[from, to)}; the row for time t covers [t, t + 25 ms). */
    float[][] of(float[] samples, int from, int to) {
        int frames = Math.max(0, (to - from) / hop);
        float[][] features = new float[frames][];
        double[] frame = new double[window];
        for (int f = 0; f < frames; f++) {
            int start = from + f * hop;
            for (int i = 0; i < window; i++) {
                int s = start + i;
                double x = s < to ? samples[s] : 0;
                double previous = s - 1 >= from && s - 1 < to ? samples[s - 1] : 0;
                frame[i] = (x - PRE_EMPHASIS * previous) * hamming[i];
            }
            features[f] = cepstrum(fft.power(frame));
        }
        normalizeMeans(features);
        return features;
    }

    private float[] cepstrum(double[] power) {
        double[] logMel = new double[FILTERS];
        for (int m = 0; m < FILTERS; m++) {
            double energy = 0;
            for (int k = 0; k < power.length; k++) {
                energy += filters[m][k] * power[k];
            }
            logMel[m] = Math.log(Math.max(energy, FLOOR));
        }
        float[] coefficients = new float[COEFFICIENTS];
        for (int c = 1; c <= COEFFICIENTS; c++) {
            double sum = 0;
            for (int m = 0; m < FILTERS; m++) {
                sum += logMel[m] * Math.cos(Math.PI * c * (m + 0.5) / FILTERS);
            }
            coefficients[c - 1] = (float) sum;
        }
        return coefficients;
    }

    private static void normalizeMeans(float[][] features) {
        if (features.length == 0) {
            return;
        }
        for (int c = 0; c < COEFFICIENTS; c++) {
            double mean = 0;
            for (float[] row : features) {
                mean += row[c];
            }
            mean /= features.length;
            for (float[] row : features) {
                row[c] -= (float) mean;
            }
        }
    }

    /** Triangular filters, evenly spaced on the mel scale, over FFT bins 0..size/2. */
    private static double[][] melFilters(int sampleRate, int fftSize) {
        double high = Math.min(HIGH_HZ, sampleRate / 2.0);
        double[] edges = new double[FILTERS + 2];
        for (int i = 0; i < edges.length; i++) {
            double mel = mel(LOW_HZ) + (mel(high) - mel(LOW_HZ)) * i / (FILTERS + 1);
            edges[i] = 700 * (Math.pow(10, mel / 2595) - 1);
        }
        double[][] filters = new double[FILTERS][fftSize / 2 + 1];
        for (int m = 0; m < FILTERS; m++) {
            for (int k = 0; k <= fftSize / 2; k++) {
                double hz = k * (double) sampleRate / fftSize;
                double rising = (hz - edges[m]) / (edges[m + 1] - edges[m]);
                double falling = (edges[m + 2] - hz) / (edges[m + 2] - edges[m + 1]);
                filters[m][k] = Math.max(0, Math.min(rising, falling));
            }
        }
        return filters;
    }

    private static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }
}
