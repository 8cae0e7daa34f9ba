package org.medino.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Integer label maps turned into the one-hot float tensor [B, K, H, W] both losses consume.
 *
 * <p>The one-hot encoding is built on the host: labels arrive from the data pipeline as
 * {@code int[]} anyway, and a float mask lets cross-entropy pick the true class's log-probability
 * with one multiply, which autograd differentiates like torch's gather.
 *
 * @param oneHot float32 [B, K, H, W], 1 at each pixel's class and 0 elsewhere
 * @param classes K
 */
public record SegmentationTarget(NDArray oneHot, int classes) {

    /**
     * Encodes row-major labels [B, H, W] with values in [0, classes).
     *
     * @param manager owner of the one-hot array (typically the training step's manager)
     * @throws IllegalArgumentException if the length does not match or a label is out of range
     */
    public static SegmentationTarget of(NDManager manager, int[] labels, int batch, int height, int width, int classes) {
        int plane = height * width;
        if (labels.length != batch * plane) {
            throw new IllegalArgumentException("expected " + batch + "x" + height + "x" + width + " = "
                    + batch * plane + " labels, got " + labels.length);
        }
        float[] hot = new float[batch * classes * plane];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < plane; i++) {
                int label = labels[b * plane + i];
                if (label < 0 || label >= classes) {
                    throw new IllegalArgumentException("label " + label + " at sample " + b + ", pixel " + i
                            + " is outside [0, " + classes + ")");
                }
                hot[(b * classes + label) * plane + i] = 1f;
            }
        }
        return new SegmentationTarget(manager.create(hot, new Shape(batch, classes, height, width)), classes);
    }
}
