package org.medino.segment;

/**
 * @param embedDim the backbone's channel count D
 * @param numClasses K
 * @param blocks how many of the newest blocks are concatenated (DINOv2's "ms"/multi-layer: 4)
 */
public record MultiLayerHeadConfig(int embedDim, int numClasses, int blocks) {
    public MultiLayerHeadConfig(int embedDim, int numClasses) {
        this(embedDim, numClasses, 4);
    }
}
