package org.medino.nn;

import ai.djl.ndarray.NDArray;

/** A module that maps one tensor to one tensor; the result belongs to the input's manager. */
public interface Layer {
    NDArray forward(NDArray x);
}
