/**
 * A minimal trainable-module system on raw DJL arrays and libtorch autograd.
 *
 * <p>A {@link org.medino.nn.Module} tree registers its parameters, buffers and children in
 * PyTorch's {@code state_dict} order and names; parameters live in the tree's
 * {@link org.medino.nn.ModuleContext} manager, activations in the caller's. Gradients come from
 * {@code Engine.getInstance().newGradientCollector()}; they accumulate until
 * {@link org.medino.nn.Module#zeroGradients()}, and optimizers update parameters in place outside
 * the collector.
 */
package org.medino.nn;
