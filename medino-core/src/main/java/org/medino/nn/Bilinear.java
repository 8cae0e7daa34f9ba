package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Bilinear resizing equal to {@code torch.nn.functional.interpolate(x, size, mode="bilinear",
 * align_corners=..., antialias=False)}, and differentiable.
 *
 * <p>DJL's own resize always antialiases and ignores align_corners, so it is written here as two
 * matrix products over the last two axes, out = Ry · X · Rxᵀ, with the interpolation matrices
 * built on the host in the input's manager (hence in the caller's scope).
 */
public final class Bilinear {
    private Bilinear() {}

    /** [..., H, W] → [..., outH, outW]. */
    public static NDArray resize(NDArray x, int outH, int outW, boolean alignCorners) {
        Shape s = x.getShape();
        int rank = s.dimension();
        if (rank < 2) {
            throw new IllegalArgumentException("need at least two axes, got " + s);
        }
        int h = Math.toIntExact(s.get(rank - 2));
        int w = Math.toIntExact(s.get(rank - 1));
        NDManager scope = x.getManager();
        NDArray y = x;
        if (w != outW) {
            NDArray rxT = scope.create(InterpolationMatrix.cached(w, outW, alignCorners, true), new Shape(w, outW));
            y = y.matMul(rxT);
        }
        if (h != outH) {
            NDArray ry = scope.create(InterpolationMatrix.cached(h, outH, alignCorners, false), new Shape(outH, h));
            y = ry.matMul(y);
        }
        // An unchanged axis is the identity under both conventions; return a copy, never an alias.
        return y == x ? x.duplicate() : y;
    }

    /** Resizes to the spatial size of {@code like} (its last two axes). */
    public static NDArray resizeLike(NDArray x, NDArray like, boolean alignCorners) {
        Shape s = like.getShape();
        int rank = s.dimension();
        return resize(x, Math.toIntExact(s.get(rank - 2)), Math.toIntExact(s.get(rank - 1)), alignCorners);
    }
}
