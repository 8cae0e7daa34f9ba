package org.medino.transform;

/**
 * Per-image min–max scaling to [0, 1]: {@code (x − min) / (max − min)} over all voxels and
 * channels of the image. A constant image (max == min) becomes all zeros, rather than NaN.
 */
public final class MinMaxScale extends IntensityTransform {

    @Override
    protected float[] map(float[] values, int channels, int perChannel) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float[] out = new float[values.length];
        if (!(max > min)) return out;
        double range = max - min;
        for (int i = 0; i < values.length; i++) out[i] = (float) ((values[i] - min) / range);
        return out;
    }

    @Override
    public String toString() {
        return "MinMaxScale";
    }
}
