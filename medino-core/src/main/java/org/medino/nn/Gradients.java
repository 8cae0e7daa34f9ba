package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;

/**
 * Access to the gradients libtorch accumulates on parameters.
 *
 * <p>Two DJL facts shape this class. {@code NDArray.getGradient()} returns a new wrapper that
 * belongs to the parameter's manager (and, before the first backward pass, a fresh array of zeros
 * there), so reading it naively leaks into the long-lived manager; here it is moved to the
 * caller's scope. And DJL's PyTorch gradient collector does not zero gradients when it opens
 * (that code is disabled in DJL 0.36), so gradients accumulate across backward passes exactly as
 * in PyTorch until {@link #zero} is called.
 */
public final class Gradients {
    private Gradients() {}

    /** The gradient of {@code parameter}, as an array owned by {@code scope}. */
    public static NDArray of(NDArray parameter, NDManager scope) {
        NDArray gradient = parameter.getGradient();
        gradient.attach(scope);
        return gradient;
    }

    /** Sets every parameter's accumulated gradient to zero, in place. */
    public static void zero(List<Parameter> params) {
        for (Parameter p : params) zero(p.array());
    }

    /** Sets the accumulated gradient of {@code parameter} to zero in place (no-op before any backward). */
    public static void zero(NDArray parameter) {
        if (parameter instanceof PtNDArray pt) {
            // zero_() on the grad tensor itself, without creating any wrapper.
            JniUtils.zeroGrad(pt);
        } else {
            try (NDArray gradient = parameter.getGradient()) {
                gradient.muli(0);
            }
        }
    }
}
