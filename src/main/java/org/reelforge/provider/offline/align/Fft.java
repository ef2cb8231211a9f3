package org.reelforge.provider.offline.align;

/** The power spectrum of a real frame, by an in-place radix-2 Cooley–Tukey transform. */
final class Fft {
    private final int size;
    private final double[] cos;
    private final double[] sin;

    /** @param size a power of two */
    Fft(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 2, got " + size);
        }
        this.size = size;
        this.cos = new double[size / 2];
        this.sin = new double[size / 2];
        for (int i = 0; i < size / 2; i++) {
            cos[i] = Math.cos(-2 * Math.PI * i / size);
            sin[i] = Math.sin(-2 * Math.PI * i / size);
        }
    }

    int size() {
        return size;
    }

    /** |X(k)|² for k = 0..size/2 of {@code frame} (zero-padded to the size). */
    double[] power(double[] frame) {
        double[] re = new double[size];
        double[] im = new double[size];
        System.arraycopy(frame, 0, re, 0, Math.min(frame.length, size));
        transform(re, im);
        double[] power = new double[size / 2 + 1];
        for (int k = 0; k < power.length; k++) {
            power[k] = re[k] * re[k] + im[k] * im[k];
        }
        return power;
    }

    private void transform(double[] re, double[] im) {
        for (int i = 1, j = 0; i < size; i++) {
            int bit = size >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int length = 2; length <= size; length <<= 1) {
            int step = size / length;
            for (int start = 0; start < size; start += length) {
                for (int k = 0; k < length / 2; k++) {
                    int a = start + k;
                    int b = a + length / 2;
                    double wr = cos[k * step];
                    double wi = sin[k * step];
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                }
            }
        }
    }
}
