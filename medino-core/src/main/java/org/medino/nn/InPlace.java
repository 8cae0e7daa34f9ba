package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * Writing into long-lived arrays (parameters, optimizer state, batch-norm statistics) from a
 * short-lived step.
 *
 * <p>Two DJL facts drive it. First, every DJL operation attaches its result to the manager of its
 * first operand, so arithmetic on a parameter would leave one array per step in the long-lived
 * manager; a {@link #view} in the step's manager avoids that. Second, an in-place update of a leaf
 * that requires a gradient is refused by libtorch while grad mode is on, and DJL turns grad mode off
 * only on the thread that started the engine. The view is detached ({@code tensor.detach()}, the
 * {@code p.data} of PyTorch): it shares the storage, needs no gradient, and can be updated in place
 * on any thread.
 */
public final class InPlace {
    private InPlace() {}

    /** A detached view of {@code array} that shares its storage and is freed with {@code scope}. */
    public static NDArray view(NDArray array, NDManager scope) {
        NDArray view = array.stopGradient();
        view.attach(scope);
        return view;
    }

    /**
     * Copies {@code source} into {@code target}'s existing storage ({@code index_put_} over the full
     * range of a {@link #view}), so every holder of {@code target} sees the new values.
     * {@code NDArray.set(Buffer)} is no substitute: DJL's PyTorch engine re-points the tensor at the
     * Java buffer ({@code set_}) instead of copying, which cuts off views made earlier, leaves the
     * values in Java direct memory, and makes libtorch print a deprecation warning.
     */
    public static void copy(NDArray target, NDArray source, NDManager scope) {
        if (!target.getShape().equals(source.getShape())) {
            throw new IllegalArgumentException("cannot copy " + source.getShape() + " into " + target.getShape());
        }
        view(target, scope).set(new NDIndex("..."), source);
    }
}
