package org.medino.segment;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** A segmentation head on a frozen DINOv2 backbone's patch-token maps. */
public interface FeatureSegmenter {
    /** DINOv2's patch size: image sides must be multiples of it. */
    int DINO_PATCH_SIZE = 14;

    /**
     * @param features patch-token maps [B, D, h, w] of the backbone's blocks, oldest first; the
     *     head uses the last {@link #blocksUsed()} of them
     * @param height output height (the image's)
     * @param width output width
     * @return logits [B, K, height, width], in the features' manager
     */
    NDArray forward(List<NDArray> features, int height, int width);

    /** How many of the newest blocks the head reads. */
    int blocksUsed();

    /** Image sides must be multiples of this (the backbone's patch size). */
    default int sizeMultiple() {
        return DINO_PATCH_SIZE;
    }
}
