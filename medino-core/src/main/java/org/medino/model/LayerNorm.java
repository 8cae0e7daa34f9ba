package org.medino.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** LayerNorm over the last (channel) axis, with weight and bias. */
final class LayerNorm {
    private final Param weight;
    private final Param bias;
    private final float eps;
    private final Shape normalized;

    LayerNorm(ParamRegistry registry, String prefix, int dim, double eps) {
        this.weight = registry.declare(prefix + "weight", dim);
        this.bias = registry.declare(prefix + "bias", dim);
        this.eps = (float) eps;
        this.normalized = new Shape(dim);
    }

    NDArray forward(NDArray x) {
        return x.getNDArrayInternal().layerNorm(x, normalized, weight.array(), bias.array(), eps).singletonOrThrow();
    }
}
