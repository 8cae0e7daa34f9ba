package org.medino.transform;

/**
 * Repeats a single-channel image over 3 channels (what DINOv2-family models expect for X-ray,
 * CT and MRI). Images that already have more channels, and label maps, pass through unchanged.
 */
public final class GreyToRgb extends ImageWise {

    @Override
    protected boolean handles(TypedImage image) {
        return image.kind() == ImageKind.IMAGE && image.channels() == 1;
    }

    @Override
    protected TypedImage transform(TypedImage image) {
        float[] src = image.data();
        float[] out = new float[src.length * 3];
        for (int c = 0; c < 3; c++) System.arraycopy(src, 0, out, c * src.length, src.length);
        return image.with(out, 3, image.spatialShape(), image.affine());
    }

    @Override
    public String toString() {
        return "GreyToRgb";
    }
}
