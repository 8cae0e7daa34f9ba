package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** max(x, 0). Stateless; a plain function rather than a module. */
public final class ReLU {
    private ReLU() {}

    public static NDArray apply(NDArray x) {
        return Activation.relu(x);
    }
}
