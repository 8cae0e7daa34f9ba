package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/** torch.nn.MaxPool2d(kernel, stride, padding), floor mode. Stateless. */
public final class MaxPool2d implements Layer {
    private final Shape kernel;
    private final Shape stride;
    private final Shape padding;

    public MaxPool2d(int kernel, int stride, int padding) {
        this.kernel = new Shape(kernel, kernel);
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
    }

    @Override
    public NDArray forward(NDArray x) {
        return Pool.maxPool2d(x, kernel, stride, padding, false);
    }
}
