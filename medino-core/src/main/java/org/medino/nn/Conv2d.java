package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * torch.nn.Conv2d: weight [out, in/groups, k, k], optional bias [out].
 *
 * <p>Initialized as PyTorch does by default: kaiming-uniform with a = √5, which works out to
 * U(±1/√fan_in) with fan_in = in/groups·k·k, and the bias from the same range.
 */
public final class Conv2d extends Module implements Layer {
    private final NDArray weight;
    private final NDArray bias;
    private final Shape stride;
    private final Shape padding;
    private final Shape dilation;
    private final int groups;

    public Conv2d(ModuleContext context, int in, int out, int kernel, int stride, int padding, int dilation,
            int groups, boolean bias) {
        super(context);
        if (in % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException("channels " + in + "→" + out + " not divisible by groups " + groups);
        }
        double bound = 1 / Math.sqrt((double) in / groups * kernel * kernel);
        this.weight = addParameter("weight", context.uniform(bound, out, in / groups, kernel, kernel), true);
        this.bias = bias ? addParameter("bias", context.uniform(bound, out), false) : null;
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
        this.dilation = new Shape(dilation, dilation);
        this.groups = groups;
    }

    /** Dilation 1, one group. */
    public Conv2d(ModuleContext context, int in, int out, int kernel, int stride, int padding, boolean bias) {
        this(context, in, out, kernel, stride, padding, 1, 1, bias);
    }

    /** [B, in, H, W] → [B, out, H', W']. */
    @Override
    public NDArray forward(NDArray x) {
        // The input is the first operand of the engine call: the result lands in the input's manager.
        return ai.djl.nn.convolutional.Conv2d.conv2d(x, weight, bias, stride, padding, dilation, groups).singletonOrThrow();
    }
}
