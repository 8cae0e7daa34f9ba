package org.medino.model;

import ai.djl.ndarray.NDArray;

/** y = x Wᵀ + b, as torch.nn.Linear (weight [out, in]). */
final class Linear {
    private final Param weight;
    private final Param bias;

    Linear(ParamRegistry registry, String prefix, int in, int out, boolean hasBias) {
        this.weight = registry.declare(prefix + "weight", out, in);
        this.bias = hasBias ? registry.declare(prefix + "bias", out) : null;
    }

    NDArray forward(NDArray x) {
        // The activation is the first operand, so the result belongs to the caller's scope.
        return x.getNDArrayInternal().linear(x, weight.array(), bias == null ? null : bias.array()).singletonOrThrow();
    }
}
