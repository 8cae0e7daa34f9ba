package org.medino.train;

import java.util.List;
import org.medino.nn.Parameter;

/**
 * Clears the gradients libtorch accumulated on parameters.
 *
 * <p>DJL's {@code PtGradientCollector} neither zeroes gradients when it opens (the call is
 * commented out upstream) nor when it closes, and its {@code zeroGradients()} only visits arrays
 * attached directly to the system manager, so a module's parameters keep summing gradients over
 * steps unless they are cleared here. {@code JniUtils.zeroGrad} runs {@code grad.zero_()} under a
 * no-grad guard, which also clears NaN or infinite values (unlike subtracting the gradient from
 * itself).
 */
public final class Gradients {
    private Gradients() {}

    /** Sets every parameter's gradient to zero, in place; parameters without one are skipped. */
    public static void zero(List<Parameter> params) {
        for (Parameter p : params) {
            org.medino.nn.Gradients.zero(p.array());
        }
    }
}
