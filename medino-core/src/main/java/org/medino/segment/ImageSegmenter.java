package org.medino.segment;

import ai.djl.ndarray.NDArray;

/** A segmentation network trained from scratch on images. */
public interface ImageSegmenter {
    /** Images [B, C, H, W] → logits [B, K, H, W], in the images' manager. */
    NDArray forward(NDArray images);

    /** H and W must be multiples of this. */
    int sizeMultiple();
}
