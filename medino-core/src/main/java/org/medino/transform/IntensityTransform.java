package org.medino.transform;

/**
 * A deterministic voxel-wise or image-statistics intensity mapping. It handles images of kind
 * {@link ImageKind#IMAGE} only: label maps are never touched.
 */
public abstract class IntensityTransform extends ImageWise {

    @Override
    protected final boolean handles(TypedImage image) {
        return image.kind() == ImageKind.IMAGE;
    }

    @Override
    protected final TypedImage transform(TypedImage image) {
        return image.withData(map(image.data(), image.channels(), image.voxelsPerChannel()));
    }

    /** New values for {@code values} ({@code channels × perChannel}, channel-major); must not write into it. */
    protected abstract float[] map(float[] values, int channels, int perChannel);
}
