package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** torch.nn.LayerNorm over the last axis, weight 1 and bias 0 initially. */
public final class LayerNorm extends Module implements Layer {
    private final NDArray weight;
    private final NDArray bias;
    private final Shape normalized;
    private final float eps;

    public LayerNorm(ModuleContext context, int dim, double eps) {
        super(context);
        this.weight = addParameter("weight", context.ones(dim), false);
        this.bias = addParameter("bias", context.zeros(dim), false);
        this.normalized = new Shape(dim);
        this.eps = (float) eps;
    }

    @Override
    public NDArray forward(NDArray x) {
        return x.getNDArrayInternal().layerNorm(x, normalized, weight, bias, eps).singletonOrThrow();
    }
}
