package org.medino.segment;

import ai.djl.ndarray.NDArray;

/**
 * What the CNN part of TransUNet hands on: the skips at 1/2, 1/4, 1/8 of the image and the
 * 1/16 map for the transformer.
 */
record ResNetFeatures(NDArray half, NDArray quarter, NDArray eighth, NDArray sixteenth) {}
