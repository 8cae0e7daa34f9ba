package org.medino.transform;

import java.util.Arrays;

/**
 * Percentiles as {@code numpy.percentile(a, q)} with its default {@code method="linear"}
 * (Hyndman &amp; Fan type 7): sort, take the virtual index {@code q/100 · (n − 1)}, interpolate
 * linearly between its two neighbours. Computed in float64 on the float32 values (numpy on a
 * float64 copy of the data gives the same numbers).
 */
final class Percentiles {
    private Percentiles() {}

    /** Values to take percentiles of: all, or only the non-zero ones. */
    static double[] collect(float[] values, boolean nonZeroOnly) {
        int n = 0;
        for (float v : values) if (!nonZeroOnly || v != 0) n++;
        double[] out = new double[n];
        int i = 0;
        for (float v : values) if (!nonZeroOnly || v != 0) out[i++] = v;
        return out;
    }

    /** Percentiles {@code qs} (each in [0, 100]) of {@code values}, which this sorts in place. */
    static double[] ofSorting(double[] values, double... qs) {
        if (values.length == 0) throw new IllegalArgumentException("no values");
        Arrays.sort(values);
        double[] out = new double[qs.length];
        for (int i = 0; i < qs.length; i++) out[i] = ofSorted(values, qs[i]);
        return out;
    }

    static double ofSorted(double[] sorted, double q) {
        if (!(q >= 0 && q <= 100)) throw new IllegalArgumentException("percentile outside [0, 100]: " + q);
        int n = sorted.length;
        double virtual = q / 100.0 * (n - 1);
        int below = (int) Math.floor(virtual);
        int above = Math.min(below + 1, n - 1);
        double t = virtual - below;
        double a = sorted[below];
        double b = sorted[above];
        // numpy's _lerp: a + (b − a)·t, evaluated from the other end when t ≥ 0.5 so that t = 1 gives b exactly.
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
