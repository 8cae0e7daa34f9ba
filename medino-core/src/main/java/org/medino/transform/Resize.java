package org.medino.transform;

/**
 * Resizes 2D images to a fixed {@code (height, width)}: bicubic for images, nearest for label maps.
 *
 * <p>Images use PyTorch's bicubic ({@code interpolate(mode="bicubic", align_corners=False)}, via
 * {@link org.medino.model.Bicubic}) with {@code antialias=true} by default, which is what
 * torchvision's {@code Resize(interpolation=BICUBIC)} passes to {@code interpolate} for tensors
 * (torchvision ≥ 0.17 default): when an axis shrinks, the filter widens to the input/output ratio
 * (no aliasing); when it grows, the antialiased path still uses Pillow's cubic (a = −0.5) rather
 * than the plain kernel (a = −0.75). {@code antialias=false} gives the plain kernel.
 *
 * <p>Label maps use PyTorch's {@code mode="nearest"} (torchvision's {@code InterpolationMode.NEAREST}),
 * not 'nearest-exact'. A sample's images are resized independently, so shapes may differ before.
 */
public final class Resize extends PlaneWise {
    private final int height;
    private final int width;
    private final boolean antialias;

    public Resize(int height, int width) {
        this(height, width, true);
    }

    public Resize(int height, int width, boolean antialias) {
        if (height < 1 || width < 1) throw new IllegalArgumentException("size must be positive: " + height + "x" + width);
        this.height = height;
        this.width = width;
        this.antialias = antialias;
    }


    @Override
    protected TypedImage transform(TypedImage image) {
        return Planes.resize(image, height, width, antialias);
    }

    @Override
    public String toString() {
        return "Resize(" + height + "x" + width + (antialias ? ", antialias" : "") + ")";
    }
}
