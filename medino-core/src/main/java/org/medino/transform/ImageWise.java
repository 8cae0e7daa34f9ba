package org.medino.transform;

import java.util.SplittableRandom;

/**
 * A deterministic transform that treats each image of a sample on its own (intensity transforms,
 * per-image resizes, ...). Images it does not handle (see {@link #handles}) pass through.
 */
public abstract class ImageWise implements Transform {

    /** Whether {@code image} is transformed; e.g. intensity transforms skip label maps. */
    protected abstract boolean handles(TypedImage image);

    /** The transformed image. */
    protected abstract TypedImage transform(TypedImage image);

    /** Transforms one image directly (bypassing a sample), or returns it when not handled. */
    public final TypedImage applyTo(TypedImage image) {
        return handles(image) ? transform(image) : image;
    }

    @Override
    public final Sample apply(Sample sample, SplittableRandom random) {
        return sample.map((name, image) -> applyTo(image));
    }
}
