package org.medino.nn;

import ai.djl.ndarray.NDArray;

/**
 * One trainable tensor of a module, under the dotted name it has in the module tree
 * ({@code "decoder.up1.conv.weight"}), the same name it carries in a saved state dict.
 *
 * <p>The array lives in the module's long-lived manager and has a gradient attached while the
 * module is being trained; optimizers update it in place outside the gradient collector.
 *
 * @param name dotted name in the module tree
 * @param array the values (float32)
 * @param decays whether weight decay applies: true for convolution and linear weights, false for
 *     biases and normalization scales/shifts (the usual no-decay group)
 */
public record Parameter(String name, NDArray array, boolean decays) {}
