package org.medino.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** The SwiGLU feed-forward of ViT-g: w12 → split in halves (x1, x2) → silu(x1)·x2 → w3. */
final class SwiGluFfn implements FeedForward {
    private final Linear w12;
    private final Linear w3;

    SwiGluFfn(ParamRegistry registry, String prefix, int dim, int hidden, boolean bias) {
        this.w12 = new Linear(registry, prefix + "w12.", dim, 2 * hidden, bias);
        this.w3 = new Linear(registry, prefix + "w3.", hidden, dim, bias);
    }

    @Override
    public NDArray forward(NDArray x) {
        NDArray h = w12.forward(x);
        NDList halves = h.split(2, h.getShape().dimension() - 1);
        NDArray x1 = halves.get(0);
        NDArray gate = x1.mul(x1.getNDArrayInternal().sigmoid());
        NDArray product = gate.mul(halves.get(1));
        NDArray out = w3.forward(product);
        h.close();
        halves.close();
        gate.close();
        product.close();
        return out;
    }
}
