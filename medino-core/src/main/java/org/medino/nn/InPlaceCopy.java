package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * Copies values into a long-lived array's existing storage. {@code NDArray.set(Buffer)} is no
 * substitute: DJL's PyTorch engine re-points the tensor at the Java buffer ({@code set_}) instead of
 * copying (views made earlier are cut off, the values then live in Java direct memory, and
 * libtorch prints a deprecation warning). Here a detached view ({@code tensor.detach()}, which
 * shares the storage and needs no gradient) receives an {@code index_put_} over the full range.
 */
public final class InPlaceCopy {
    private InPlaceCopy() {}

    /** Copies {@code source} into {@code target}; temporaries are freed with {@code scope}. */
    public static void copy(NDArray target, NDArray source, NDManager scope) {
        if (!target.getShape().equals(source.getShape())) {
            throw new IllegalArgumentException("cannot copy " + source.getShape() + " into " + target.getShape());
        }
        NDArray view = target.stopGradient();
        view.attach(scope);
        view.set(new NDIndex("..."), source);
    }
}
