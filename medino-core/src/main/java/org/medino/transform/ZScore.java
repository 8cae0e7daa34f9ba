package org.medino.transform;

/**
 * Z-score normalisation over the non-zero voxels, as MONAI's
 * {@code NormalizeIntensity(nonzero=True)} (the BraTS convention): mean and population standard
 * deviation (numpy's default {@code ddof=0}) are computed over the voxels that are not 0, those
 * voxels become {@code (x − mean) / std}, and zero voxels stay 0 (background remains background).
 *
 * <p>Edge cases: an image without any non-zero voxel is returned unchanged (all zeros); when the
 * non-zero voxels are all equal ({@code std == 0}) only the mean is subtracted, so they become 0
 * (MONAI likewise replaces a zero std by 1). Statistics are over all channels together; sums are
 * in float64.
 */
public final class ZScore extends IntensityTransform {

    @Override
    protected float[] map(float[] values, int channels, int perChannel) {
        long n = 0;
        double sum = 0;
        for (float v : values) {
            if (v != 0) {
                n++;
                sum += v;
            }
        }
        if (n == 0) return values.clone();
        double mean = sum / n;
        double ss = 0;
        for (float v : values) {
            if (v != 0) ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / n);
        if (std == 0) std = 1;
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == 0 ? 0f : (float) ((values[i] - mean) / std);
        }
        return out;
    }

    @Override
    public String toString() {
        return "ZScore(non-zero)";
    }
}
