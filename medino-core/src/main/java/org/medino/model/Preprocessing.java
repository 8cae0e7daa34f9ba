package org.medino.model;

import java.util.Arrays;

/**
 * How a model expects its images: resize the shorter side, centre-crop, scale to [0, 1], then
 * normalize per channel. These are the published preprocessor settings of each checkpoint.
 *
 * @param resizeShorter target of the shorter side, in pixels
 * @param crop side of the square centre crop
 * @param interpolation resampling used for the resize ("bicubic")
 * @param mean per-channel mean (RGB order) subtracted after scaling to [0, 1]
 * @param std per-channel standard deviation divided by
 */
public record Preprocessing(int resizeShorter, int crop, String interpolation, double[] mean, double[] std) {
    private static final double[] IMAGENET_MEAN = {0.485, 0.456, 0.406};
    private static final double[] IMAGENET_STD = {0.229, 0.224, 0.225};

    /** DINOv2's ImageNet evaluation transform: shorter side 256, crop 224, ImageNet statistics. */
    public static final Preprocessing DINOV2 = new Preprocessing(256, 224, "bicubic", IMAGENET_MEAN, IMAGENET_STD);

    /**
     * RAD-DINO's: 518 px, and single-channel chest X-ray statistics (mean 0.5307, std 0.2583)
     * replicated over the three channels of a grey image.
     */
    public static final Preprocessing RAD_DINO =
            new Preprocessing(518, 518, "bicubic", new double[] {0.5307, 0.5307, 0.5307}, new double[] {0.2583, 0.2583, 0.2583});

    @Override
    public String toString() {
        return "resize shorter side to " + resizeShorter + " (" + interpolation + "), centre crop " + crop
                + ", mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && p.resizeShorter == resizeShorter && p.crop == crop
                && p.interpolation.equals(interpolation) && Arrays.equals(p.mean, mean) && Arrays.equals(p.std, std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * resizeShorter + crop) + Arrays.hashCode(mean) + 7 * Arrays.hashCode(std);
    }
}
