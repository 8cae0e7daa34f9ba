package org.medino.transform;

import java.util.Arrays;
import org.medino.model.Preprocessing;

/**
 * Per-channel {@code (x − mean[c]) / std[c]}, as torchvision's {@code Normalize}, on images in
 * [0, 1]. A single mean/std is broadcast to every channel.
 *
 * <p>{@link #of(Preprocessing)} takes a model's statistics; RAD-DINO's single-channel chest X-ray
 * statistics are already replicated over three channels there, so grey images should go through
 * {@link GreyToRgb} first.
 */
public final class Normalize extends IntensityTransform {
    private final double[] mean;
    private final double[] std;

    public Normalize(double[] mean, double[] std) {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need the same non-zero length");
        }
        for (double s : std) if (!(s > 0)) throw new IllegalArgumentException("std must be positive: " + Arrays.toString(std));
        this.mean = mean.clone();
        this.std = std.clone();
    }

    public static Normalize of(Preprocessing p) {
        return new Normalize(p.mean(), p.std());
    }

    @Override
    protected float[] map(float[] values, int channels, int perChannel) {
        if (mean.length != 1 && mean.length != channels) {
            throw new IllegalArgumentException(
                    "normalisation has " + mean.length + " channel statistics, image has " + channels + " channels");
        }
        float[] out = new float[values.length];
        for (int c = 0; c < channels; c++) {
            double m = mean[mean.length == 1 ? 0 : c];
            double s = std[std.length == 1 ? 0 : c];
            for (int p = c * perChannel, e = p + perChannel; p < e; p++) out[p] = (float) ((values[p] - m) / s);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Normalize(mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ")";
    }
}
