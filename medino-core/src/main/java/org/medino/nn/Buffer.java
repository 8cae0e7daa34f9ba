package org.medino.nn;

import ai.djl.ndarray.NDArray;

/**
 * A non-trainable tensor of a module that is still part of its state dict (BatchNorm's running
 * mean and variance), under its dotted name in the module tree.
 *
 * @param name dotted name in the module tree
 * @param array the values (float32), updated in place by the module itself
 */
public record Buffer(String name, NDArray array) {}
