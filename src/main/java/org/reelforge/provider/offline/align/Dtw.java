package org.reelforge.provider.offline.align;

/**
 * Dynamic time warping of a query sequence (the synthetic speech) onto a reference (the real audio), both
 * ends pinned: the cheapest monotone path of single and diagonal steps under Euclidean frame distance.
 * When the full cost matrix would exceed {@code maxCells}, the path is searched in a band around the
 * diagonal (Sakoe–Chiba) as wide as the budget allows, so time and memory stay linear in the length.
 */
final class Dtw {
    private static final float UNREACHABLE = Float.POSITIVE_INFINITY;

    private final float[][] reference;
    private final float[][] query;
    private final int[] low;
    private final int[] high;
    private final float[][] cost;

    private Dtw(float[][] reference, float[][] query, int maxCells) {
        this.reference = reference;
        this.query = query;
        this.low = new int[reference.length];
        this.high = new int[reference.length];
        this.cost = new float[reference.length][];
        band(maxCells);
    }

    /**
     * @return for each query frame, the first reference frame the path matches it with (non-decreasing)
     */
    static int[] firstMatches(float[][] reference, float[][] query, int maxCells) {
        if (reference.length == 0 || query.length == 0) {
            throw new IllegalArgumentException("cannot warp empty sequences (" + reference.length + " and "
                    + query.length + " frames)");
        }
        Dtw dtw = new Dtw(reference, query, maxCells);
        dtw.accumulate();
        return dtw.backtrack();
    }

    private void band(int maxCells) {
        int n = reference.length;
        int m = query.length;
        long full = (long) n * m;
        int half = full <= maxCells ? m : Math.max(maxCells / (2 * n), (m + n - 1) / n + 1);
        for (int i = 0; i < n; i++) {
            long centre = n == 1 ? 0 : (long) i * (m - 1) / (n - 1);
            low[i] = (int) Math.max(0, centre - half);
            high[i] = (int) Math.min(m - 1, centre + half);
            cost[i] = new float[high[i] - low[i] + 1];
        }
    }

    private void accumulate() {
        for (int i = 0; i < reference.length; i++) {
            for (int j = low[i]; j <= high[i]; j++) {
                float best = i == 0 && j == 0 ? 0 : Math.min(at(i - 1, j - 1), Math.min(at(i - 1, j), at(i, j - 1)));
                cost[i][j - low[i]] = best + distance(reference[i], query[j]);
            }
        }
    }

    private int[] backtrack() {
        int[] first = new int[query.length];
        int i = reference.length - 1;
        int j = query.length - 1;
        first[j] = i;
        while (i > 0 || j > 0) {
            float diagonal = at(i - 1, j - 1);
            float up = at(i - 1, j);
            float left = at(i, j - 1);
            if (diagonal <= up && diagonal <= left) {
                i--;
                j--;
            } else if (up <= left) {
                i--;
            } else {
                j--;
            }
            first[j] = i;
        }
        return first;
    }

    private float at(int i, int j) {
        if (i < 0 || j < 0 || j < low[i] || j > high[i]) {
            return UNREACHABLE;
        }
        return cost[i][j - low[i]];
    }

    private static float distance(float[] a, float[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return (float) Math.sqrt(sum);
    }
}
