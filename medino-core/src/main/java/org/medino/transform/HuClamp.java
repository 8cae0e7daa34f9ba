package org.medino.transform;

/**
 * Clamps Hounsfield units to {@code [min, max]}, optionally rescaling that range linearly to
 * [0, 1]. The default range [−1024, 600] is the one of the DINOv2 radiology benchmark
 * (air to just above dense soft tissue / contrast).
 */
public final class HuClamp extends IntensityTransform {
    public static final double DEFAULT_MIN = -1024;
    public static final double DEFAULT_MAX = 600;

    private final double min;
    private final double max;
    private final boolean rescale;

    /** Clamps to [−1024, 600] and keeps HU. */
    public HuClamp() {
        this(DEFAULT_MIN, DEFAULT_MAX, false);
    }

    /**
     * @param rescale when true, {@code (clamp(x) − min) / (max − min)} so the result lies in [0, 1]
     */
    public HuClamp(double min, double max, boolean rescale) {
        if (!(min < max)) throw new IllegalArgumentException("need min < max, got " + min + ", " + max);
        this.min = min;
        this.max = max;
        this.rescale = rescale;
    }

    @Override
    protected float[] map(float[] values, int channels, int perChannel) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = Math.min(max, Math.max(min, values[i]));
            out[i] = (float) (rescale ? (v - min) / (max - min) : v);
        }
        return out;
    }

    @Override
    public String toString() {
        return "HuClamp[" + min + ", " + max + "]" + (rescale ? " → [0, 1]" : "");
    }
}
