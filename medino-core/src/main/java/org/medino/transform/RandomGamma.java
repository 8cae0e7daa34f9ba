package org.medino.transform;

import java.util.SplittableRandom;

/**
 * Gamma augmentation for images in [0, 1]: {@code x^γ} with {@code γ = exp(U(log lo, log hi))}
 * (log-uniform, so γ and 1/γ are equally likely when {@code lo = 1/hi}; TorchIO's
 * {@code RandomGamma} draws log γ uniformly too). One γ per sample, used for all its images.
 * Negative values, which [0, 1] data should not have, keep their sign: {@code −|x|^γ} (as TorchIO).
 * Label maps are untouched.
 */
public final class RandomGamma extends RandomTransform<Double> {
    private final double lo;
    private final double hi;

    public RandomGamma(double lo, double hi) {
        if (!(0 < lo && lo <= hi) || Double.isInfinite(hi)) throw new IllegalArgumentException("need 0 < lo <= hi: " + lo + ", " + hi);
        this.lo = lo;
        this.hi = hi;
    }

    @Override
    public Double sample(Sample sample, SplittableRandom random) {
        double a = Math.log(lo);
        double b = Math.log(hi);
        return Math.exp(a + (b - a) * random.nextDouble());
    }

    @Override
    public Sample applyWith(Sample sample, Double gamma) {
        return sample.map((name, im) -> {
            if (im.isLabelMap()) return im;
            float[] v = im.data();
            float[] out = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                double p = Math.pow(Math.abs(v[i]), gamma);
                out[i] = (float) (v[i] < 0 ? -p : p);
            }
            return im.withData(out);
        });
    }

    @Override
    public String toString() {
        return "RandomGamma[" + lo + ", " + hi + "]";
    }
}
