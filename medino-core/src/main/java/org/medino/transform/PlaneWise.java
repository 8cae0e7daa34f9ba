package org.medino.transform;

/** A per-image transform of 2D images only (both kinds): a volume given to it is an error, not skipped. */
public abstract class PlaneWise extends ImageWise {
    @Override
    protected final boolean handles(TypedImage image) {
        Planes.require2d(image, this);
        return true;
    }
}
