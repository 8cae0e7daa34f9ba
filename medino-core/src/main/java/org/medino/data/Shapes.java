package org.medino.data;

import java.util.Arrays;

/** Whether a mask fits its image. */
public final class Shapes {
    private Shapes() {}

    /**
     * True when the shapes are equal once a channel axis is ignored. A channel axis is a trailing
     * axis of size 1, 3 or 4 (grey, RGB, RGBA) that one shape has and the other lacks: readers put
     * colour last (see {@code MedicalImage}), so an RGB image (rows, cols, 3) fits a (rows, cols)
     * mask, and a (rows, cols, 1) mask fits a (rows, cols) image. Leading axes are never dropped,
     * because there they are spatial (slices) and a mismatch there is a real error.
     */
    public static boolean maskFits(long[] image, long[] mask) {
        if (Arrays.equals(image, mask)) return true;
        if (image.length == mask.length + 1) return isChannel(image[image.length - 1]) && prefixEquals(image, mask);
        if (mask.length == image.length + 1) return isChannel(mask[mask.length - 1]) && prefixEquals(mask, image);
        return false;
    }

    private static boolean isChannel(long size) {
        return size == 1 || size == 3 || size == 4;
    }

    private static boolean prefixEquals(long[] longer, long[] shorter) {
        return Arrays.equals(Arrays.copyOf(longer, shorter.length), shorter);
    }
}
