package org.medino.metrics;

import java.util.Arrays;

/**
 * Percentiles as {@code numpy.percentile} computes them by default ("linear"): the value at
 * virtual index (m − 1)·q/100 of the sorted data, interpolated between its two neighbours. Using
 * numpy's exact rule keeps intervals comparable with Python-side reports.
 */
public final class Percentile {
    private Percentile() {}

    /** The q-th percentile (q in [0, 100]) of {@code values}, which must not contain NaN; NaN if empty. */
    public static double of(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, q);
    }

    /** As {@link #of}, for values already in ascending order. */
    public static double ofSorted(double[] sorted, double q) {
        if (q < 0 || q > 100) {
            throw new IllegalArgumentException("percentile " + q + " is not in [0, 100]");
        }
        int m = sorted.length;
        if (m == 0) {
            return Double.NaN;
        }
        double h = (m - 1) * (q / 100.0);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, m - 1);
        double t = h - lo;
        double a = sorted[lo];
        double b = sorted[hi];
        double diff = b - a;
        // numpy interpolates from the nearer end, which keeps the result inside [a, b] exactly
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
