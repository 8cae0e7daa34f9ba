package org.medino.transform;

/**
 * torchvision's {@code CenterCrop((height, width))}: offsets {@code int(round((H − h) / 2))} with
 * Python's round-half-to-even (so an odd excess of 1 gives offset 0 and of 3 gives 2); when the
 * crop is larger than the image it is first zero-padded by {@code (excess // 2)} before and
 * {@code ((excess + 1) // 2)} after. Label maps are padded with 0 as well.
 */
public final class CenterCrop extends PlaneWise {
    private final int height;
    private final int width;

    public CenterCrop(int size) {
        this(size, size);
    }

    public CenterCrop(int height, int width) {
        if (height < 1 || width < 1) throw new IllegalArgumentException("crop must be positive: " + height + "x" + width);
        this.height = height;
        this.width = width;
    }

    /** Offset of the crop window along an axis of extent {@code in} (negative: padding before). */
    public static int offset(int in, int crop) {
        if (crop > in) return -((crop - in) / 2);
        return (int) Math.rint((in - crop) / 2.0);
    }


    @Override
    protected TypedImage transform(TypedImage image) {
        return Planes.window(image, offset(image.size(0), height), offset(image.size(1), width), height, width, 0f);
    }

    @Override
    public String toString() {
        return "CenterCrop(" + height + "x" + width + ")";
    }
}
