package org.medino.nn;

import ai.djl.ndarray.NDArray;

/**
 * torch.nn.Linear: y = x Wᵀ + b with weight [out, in]; PyTorch's default init U(±1/√in) for both.
 */
public final class Linear extends Module implements Layer {
    private final NDArray weight;
    private final NDArray bias;

    public Linear(ModuleContext context, int in, int out, boolean bias) {
        super(context);
        double bound = 1 / Math.sqrt(in);
        this.weight = addParameter("weight", context.uniform(bound, out, in), true);
        this.bias = bias ? addParameter("bias", context.uniform(bound, out), false) : null;
    }

    /** [..., in] → [..., out]. */
    @Override
    public NDArray forward(NDArray x) {
        // The activation is the first operand, so the result belongs to the caller's scope.
        return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }
}
