package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * x·Φ(x) with the exact erf form, as torch.nn.GELU() (DJL's PyTorch engine calls
 * torch::nn::functional::gelu with the default, non-tanh approximation).
 */
public final class GELU {
    private GELU() {}

    public static NDArray apply(NDArray x) {
        return Activation.gelu(x);
    }
}
