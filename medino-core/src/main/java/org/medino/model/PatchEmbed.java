package org.medino.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Cuts the image into non-overlapping p×p patches and projects each to D channels: the strided
 * convolution of the reference, computed as one matrix product over the flattened patches.
 */
final class PatchEmbed {
    private final Param weight; // [D, C, p, p], the reference's conv weight
    private final Param bias;
    private final int patch;
    private final int channels;
    private final int dim;

    PatchEmbed(ParamRegistry registry, String prefix, int channels, int dim, int patch) {
        this.weight = registry.declare(prefix + "proj.weight", dim, channels, patch, patch);
        this.bias = registry.declare(prefix + "proj.bias", dim);
        this.patch = patch;
        this.channels = channels;
        this.dim = dim;
    }

    /** [B, C, H, W] → [B, (H/p)·(W/p), D], patches in row-major grid order. */
    NDArray forward(NDArray images) {
        Shape s = images.getShape();
        long b = s.get(0);
        long h = s.get(2) / patch;
        long w = s.get(3) / patch;
        NDArray patches = images.reshape(b, channels, h, patch, w, patch)
                .transpose(0, 2, 4, 1, 3, 5)
                .reshape(b, h * w, (long) channels * patch * patch);
        NDArray flatWeight = Scopes.adopt(weight.array().reshape(dim, (long) channels * patch * patch), images.getManager());
        NDArray out = patches.getNDArrayInternal().linear(patches, flatWeight, bias.array()).singletonOrThrow();
        patches.close();
        flatWeight.close();
        return out;
    }
}
