package org.medino.transform;

import java.util.SplittableRandom;

/**
 * torchvision's {@code RandomResizedCrop(size, scale, ratio, interpolation=BICUBIC)}, jointly on
 * all 2D images of a sample (DINOv2 uses it with bicubic interpolation).
 *
 * <p>Parameters ({@link #sample}) follow torchvision's {@code get_params}: up to 10 attempts of
 * {@code area · U(scale)} and {@code exp(U(log ratio))}, {@code w = round(sqrt(area·ratio))},
 * {@code h = round(sqrt(area/ratio))} (Python's half-to-even round), accepted when
 * {@code 0 < w ≤ W} and {@code 0 < h ≤ H}, then top/left uniform over the valid integers; otherwise
 * the fallback centre crop (the whole image clipped to the ratio range, offsets {@code (H − h) // 2}).
 * The numbers come from {@link SplittableRandom}, not torch's generator, so only the algorithm is
 * torchvision's. Applying ({@link #applyWith}) crops, then resizes as {@link Resize} (bicubic with
 * antialias for images, PyTorch nearest for label maps).
 */
public final class RandomResizedCrop extends RandomTransform<RandomResizedCrop.Box> {

    /** A crop window in input pixels. */
    public record Box(int top, int left, int height, int width) {}

    private final int height;
    private final int width;
    private final double scaleMin;
    private final double scaleMax;
    private final double ratioMin;
    private final double ratioMax;

    /** Scale (0.08, 1), ratio (3/4, 4/3), as torchvision's defaults. */
    public RandomResizedCrop(int height, int width) {
        this(height, width, 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);
    }

    public RandomResizedCrop(int height, int width, double scaleMin, double scaleMax, double ratioMin, double ratioMax) {
        if (height < 1 || width < 1) throw new IllegalArgumentException("size must be positive");
        if (!(0 < scaleMin && scaleMin <= scaleMax) || !(0 < ratioMin && ratioMin <= ratioMax)) {
            throw new IllegalArgumentException("need 0 < min <= max for scale and ratio");
        }
        this.height = height;
        this.width = width;
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
        this.ratioMin = ratioMin;
        this.ratioMax = ratioMax;
    }

    @Override
    public Box sample(Sample sample, SplittableRandom random) {
        int[] shape = sample.commonSpatialShape();
        if (shape == null) return null;
        if (shape.length != 2) throw new IllegalArgumentException("RandomResizedCrop needs 2D images");
        return sampleBox(shape[0], shape[1], random);
    }

    /** torchvision's {@code RandomResizedCrop.get_params} for an {@code H × W} image. */
    public Box sampleBox(int imageH, int imageW, SplittableRandom random) {
        double area = (double) imageH * imageW;
        double logLo = Math.log(ratioMin);
        double logHi = Math.log(ratioMax);
        for (int attempt = 0; attempt < 10; attempt++) {
            double targetArea = area * uniform(random, scaleMin, scaleMax);
            double aspect = Math.exp(uniform(random, logLo, logHi));
            int w = (int) Math.rint(Math.sqrt(targetArea * aspect));
            int h = (int) Math.rint(Math.sqrt(targetArea / aspect));
            if (0 < w && w <= imageW && 0 < h && h <= imageH) {
                int top = random.nextInt(imageH - h + 1);
                int left = random.nextInt(imageW - w + 1);
                return new Box(top, left, h, w);
            }
        }
        double inRatio = (double) imageW / imageH;
        int w;
        int h;
        if (inRatio < ratioMin) {
            w = imageW;
            h = (int) Math.rint(w / ratioMin);
        } else if (inRatio > ratioMax) {
            h = imageH;
            w = (int) Math.rint(h * ratioMax);
        } else {
            w = imageW;
            h = imageH;
        }
        return new Box((imageH - h) / 2, (imageW - w) / 2, h, w);
    }

    private static double uniform(SplittableRandom r, double lo, double hi) {
        return lo == hi ? lo : lo + (hi - lo) * r.nextDouble();
    }

    @Override
    public Sample applyWith(Sample sample, Box box) {
        if (box == null) return sample;
        return sample.map((name, im) -> {
            Planes.require2d(im, this);
            TypedImage crop = Planes.window(im, box.top(), box.left(), box.height(), box.width(), 0f);
            return Planes.resize(crop, height, width, true);
        });
    }

    @Override
    public String toString() {
        return "RandomResizedCrop(" + height + "x" + width + ", scale [" + scaleMin + ", " + scaleMax + "], ratio ["
                + ratioMin + ", " + ratioMax + "])";
    }
}
