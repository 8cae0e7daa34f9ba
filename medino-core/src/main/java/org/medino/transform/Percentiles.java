package org.medino.transform;

import java.util.Arrays;
import org.medino.metrics.Percentile;

/**
 * Percentiles of image intensities as {@code numpy.percentile(a, q)} with its default
 * {@code method="linear"} (see {@link Percentile}), computed in float64 on the float32 values
 * (numpy on a float64 copy of the data gives the same numbers).
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
        for (int i = 0; i < qs.length; i++) out[i] = Percentile.ofSorted(values, qs[i]);
        return out;
    }
}
