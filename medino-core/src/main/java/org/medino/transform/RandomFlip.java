package org.medino.transform;

import java.util.SplittableRandom;

/**
 * Flips all 2D images of a sample together with probability {@code p}: horizontally (columns,
 * torchvision's {@code RandomHorizontalFlip}) or vertically (rows, {@code RandomVerticalFlip}).
 * One draw, {@code U[0,1) < p}, per sample.
 */
public final class RandomFlip extends RandomTransform<Boolean> {
    private final int axis;
    private final double p;

    private RandomFlip(int axis, double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        this.axis = axis;
        this.p = p;
    }

    public static RandomFlip horizontal(double p) {
        return new RandomFlip(1, p);
    }

    public static RandomFlip vertical(double p) {
        return new RandomFlip(0, p);
    }

    @Override
    public Boolean sample(Sample sample, SplittableRandom random) {
        sample.commonSpatialShape(); // one geometry for all images: they must share their shape
        return random.nextDouble() < p;
    }

    @Override
    public Sample applyWith(Sample sample, Boolean flip) {
        if (!flip) return sample;
        return sample.map((name, im) -> {
            Planes.require2d(im, this);
            return Planes.flip(im, axis);
        });
    }

    @Override
    public String toString() {
        return (axis == 1 ? "RandomHorizontalFlip(" : "RandomVerticalFlip(") + p + ")";
    }
}
