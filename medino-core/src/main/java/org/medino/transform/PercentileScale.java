package org.medino.transform;

/**
 * MRI intensity standardisation: clip to the {@code lower}/{@code upper} percentiles and scale
 * that range linearly to [0, 1] — {@code y = clamp((x − p_lo) / (p_hi − p_lo), 0, 1)} — like
 * MONAI's {@code ScaleIntensityRangePercentiles(lower, upper, 0, 1, clip=True)} or TorchIO's
 * {@code RescaleIntensity(percentiles=...)}.
 *
 * <p>Percentiles follow {@code numpy.percentile}'s default linear method, taken over all channels
 * of the image together, and optionally over its non-zero voxels only (the usual choice for
 * skull-stripped brain MRI, where the zero background would otherwise dominate the low
 * percentiles). The mapping is then applied to every voxel, background included (a zero
 * background maps to 0 whenever {@code p_lo ≥ 0}). When {@code p_hi == p_lo} (constant image) or
 * there is no voxel to take percentiles of, the result is all zeros.
 */
public final class PercentileScale extends IntensityTransform {
    private final double lower;
    private final double upper;
    private final boolean nonZeroOnly;

    public PercentileScale(double lower, double upper, boolean nonZeroOnly) {
        if (!(0 <= lower && lower < upper && upper <= 100)) {
            throw new IllegalArgumentException("need 0 <= lower < upper <= 100, got " + lower + ", " + upper);
        }
        this.lower = lower;
        this.upper = upper;
        this.nonZeroOnly = nonZeroOnly;
    }

    /** Percentiles (1, 99) over all voxels. */
    public static PercentileScale p1p99() {
        return new PercentileScale(1, 99, false);
    }

    /** Percentiles (5, 95) over all voxels. */
    public static PercentileScale p5p95() {
        return new PercentileScale(5, 95, false);
    }

    /** The two percentiles this transform would use on {@code values}; null when there are no voxels to use. */
    public double[] bounds(float[] values) {
        double[] v = Percentiles.collect(values, nonZeroOnly);
        return v.length == 0 ? null : Percentiles.ofSorting(v, lower, upper);
    }

    @Override
    protected float[] map(float[] values, int channels, int perChannel) {
        double[] b = bounds(values);
        float[] out = new float[values.length];
        if (b == null || !(b[1] > b[0])) return out;
        double range = b[1] - b[0];
        for (int i = 0; i < values.length; i++) {
            double y = (values[i] - b[0]) / range;
            out[i] = (float) Math.min(1.0, Math.max(0.0, y));
        }
        return out;
    }

    @Override
    public String toString() {
        return "PercentileScale(" + lower + ", " + upper + (nonZeroOnly ? ", non-zero" : "") + ")";
    }
}
