package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * DJL attaches the result of an operation to the manager of its first operand. Where that operand
 * is a parameter (owned by the module tree for its whole life), the result must be moved into the
 * caller's scope, or every forward pass would leave native memory behind in the parameter manager.
 */
final class Scopes {
    private Scopes() {}

    /** Moves {@code array} into {@code scope} and returns it. */
    static NDArray adopt(NDArray array, NDManager scope) {
        array.attach(scope);
        return array;
    }
}
