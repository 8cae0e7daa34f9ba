package org.medino.transform;

/**
 * torchvision's {@code Resize(size: int)}: the shorter side becomes {@code size} and the longer
 * one {@code int(size · long / short)} (truncated, as torchvision's
 * {@code _compute_resized_output_size}); interpolation as {@link Resize}.
 */
public final class ResizeShorter extends PlaneWise {
    private final int size;
    private final boolean antialias;

    public ResizeShorter(int size) {
        this(size, true);
    }

    public ResizeShorter(int size, boolean antialias) {
        if (size < 1) throw new IllegalArgumentException("size must be positive: " + size);
        this.size = size;
        this.antialias = antialias;
    }

    /** {@code {newHeight, newWidth}} for an image of {@code h × w}. */
    public static int[] outputSize(int h, int w, int size) {
        int shorter = Math.min(h, w);
        int longer = Math.max(h, w);
        // Python: int(size * long / short): exact integer product, correctly rounded true division, truncation.
        int newLong = (int) ((double) ((long) size * longer) / shorter);
        return w <= h ? new int[] {newLong, size} : new int[] {size, newLong};
    }


    @Override
    protected TypedImage transform(TypedImage image) {
        int[] hw = outputSize(image.size(0), image.size(1), size);
        return Planes.resize(image, hw[0], hw[1], antialias);
    }

    @Override
    public String toString() {
        return "ResizeShorter(" + size + ")";
    }
}
