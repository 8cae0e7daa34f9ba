package org.medino.transform;

import java.util.SplittableRandom;

/**
 * Rotates all 2D images of a sample by one angle drawn uniformly from {@code [−degrees, degrees]}:
 * counter-clockwise as displayed (row 0 at the top) for positive angles, like torchvision's
 * {@code rotate}, about the image centre {@code ((H − 1)/2, (W − 1)/2)} in index coordinates, same
 * output size, fill 0. Images are sampled bilinearly with zero padding outside (as
 * {@code grid_sample(padding_mode="zeros", align_corners=False)} on torchvision's pixel grid, or
 * scipy's {@code map_coordinates(order=1, mode="grid-constant")}); label maps by nearest neighbour.
 *
 * <p>The output pixel {@code (y, x)} takes the input at
 * {@code (cy + sinθ·(x − cx) + cosθ·(y − cy), cx + cosθ·(x − cx) − sinθ·(y − cy))}.
 */
public final class RandomRotation extends RandomTransform<Double> {
    private final double degrees;

    public RandomRotation(double degrees) {
        if (!(degrees >= 0) || Double.isInfinite(degrees)) throw new IllegalArgumentException("degrees must be >= 0: " + degrees);
        this.degrees = degrees;
    }

    @Override
    public Double sample(Sample sample, SplittableRandom random) {
        sample.commonSpatialShape(); // one geometry for all images: they must share their shape
        return -degrees + 2 * degrees * random.nextDouble();
    }

    /** Output (y, x) → input (m0 y + m1 x + m2, m3 y + m4 x + m5) for a rotation by {@code angleDeg}. */
    public static double[] indexMap(int h, int w, double angleDeg) {
        double t = Math.toRadians(angleDeg);
        double c = Math.cos(t);
        double s = Math.sin(t);
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        return new double[] {
            c, s, cy - c * cy - s * cx,
            -s, c, cx + s * cy - c * cx
        };
    }

    @Override
    public Sample applyWith(Sample sample, Double angle) {
        return sample.map((name, im) -> {
            Planes.require2d(im, this);
            return angle == 0 ? im : Planes.warp(im, indexMap(im.size(0), im.size(1), angle));
        });
    }

    @Override
    public String toString() {
        return "RandomRotation(±" + degrees + "°)";
    }
}
