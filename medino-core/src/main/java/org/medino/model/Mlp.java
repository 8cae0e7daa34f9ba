package org.medino.model;

import ai.djl.ndarray.NDArray;

/** fc1 → GELU (exact, erf-based, as PyTorch's default) → fc2. */
final class Mlp implements FeedForward {
    private final Linear fc1;
    private final Linear fc2;

    Mlp(ParamRegistry registry, String prefix, int dim, int hidden, boolean bias) {
        this.fc1 = new Linear(registry, prefix + "fc1.", dim, hidden, bias);
        this.fc2 = new Linear(registry, prefix + "fc2.", hidden, dim, bias);
    }

    @Override
    public NDArray forward(NDArray x) {
        NDArray h = fc1.forward(x);
        NDArray a = h.getNDArrayInternal().gelu();
        h.close();
        NDArray out = fc2.forward(a);
        a.close();
        return out;
    }
}
