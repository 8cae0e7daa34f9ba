package org.medino.model;

import ai.djl.ndarray.NDArray;

/** Multiplies a residual branch by a learned per-channel gamma (DINOv2's LayerScale). */
final class LayerScale {
    private final Param gamma;

    LayerScale(ParamRegistry registry, String prefix, int dim) {
        this.gamma = registry.declare(prefix + "gamma", dim);
    }

    NDArray forward(NDArray x) {
        return x.mul(gamma.array());
    }
}
