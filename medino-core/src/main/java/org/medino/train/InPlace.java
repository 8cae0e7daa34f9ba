package org.medino.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.medino.nn.InPlaceCopy;

/**
 * Helpers for writing into long-lived arrays from a short-lived step.
 *
 * <p>Two DJL facts drive them. First, every DJL operation attaches its result to the manager of
 * its first operand, so arithmetic on a parameter or on optimizer state would leave one array per
 * step in the long-lived manager; an {@link #alias} in the step's manager avoids that. Second, an
 * in-place update of a leaf that requires a gradient is refused by libtorch while grad mode is on;
 * DJL turns grad mode off only on the thread that started the engine and inside the collector's
 * lifetime it is on. The alias is a detached view ({@code tensor.detach()}, the {@code p.data} of
 * PyTorch): it shares the storage, does not require a gradient, and can be updated in place on
 * any thread.
 */
final class InPlace {
    private InPlace() {}

    /** A detached view of {@code array} that shares its storage and is freed with {@code step}. */
    static NDArray alias(NDArray array, NDManager step) {
        NDArray view = array.stopGradient();
        view.attach(step);
        return view;
    }

    /** The gradient of {@code array} (zeros if backward never reached it), freed with {@code step}. */
    static NDArray gradient(NDArray array, NDManager step) {
        NDArray grad = array.getGradient();
        grad.attach(step);
        return grad;
    }

    /** Copies {@code source} into {@code target}'s existing storage (see {@link InPlaceCopy}). */
    static void copy(NDArray target, NDArray source, NDManager step) {
        InPlaceCopy.copy(target, source, step);
    }
}
