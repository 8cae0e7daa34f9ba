package org.medino.segment;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.medino.checkpoint.HostTensor;
import org.medino.nn.Parameter;

/**
 * What the training harness needs from any segmenter, whether a head on a frozen DINOv2 or a
 * baseline trained from scratch: logits from normalized images, the trainable parameters, and a
 * state (parameters and buffers such as batch-norm statistics) to save and restore.
 */
public interface SegmentationNetwork extends AutoCloseable {
    /**
     * Logits {@code [B, K, P, P]} for images {@code [B, 3, P, P]}; the result belongs to the images' manager.
     *
     * @param keys one stable key per image when the images are un-augmented and their backbone
     *     features may be reused (null otherwise)
     */
    NDArray forward(NDArray images, boolean training, String[] keys);

    /** The parameters an optimizer updates (a frozen backbone's are not among them). */
    List<Parameter> trainable();

    /** Non-trainable tensors that change in training (batch-norm running statistics), by dotted name. */
    Map<String, NDArray> buffers();

    /** Everything needed to rebuild the trained network: parameters and buffers, on the host. */
    Map<String, HostTensor> state();

    /** Restores {@link #state()} strictly: every key present, no key unknown, every shape equal. */
    void loadState(Map<String, HostTensor> state);

    /** Restarts the network's random streams (dropout) from {@code seed}; called at every epoch start. */
    void reseed(long seed);

    /** The network needs input sides that are multiples of this (14 for DINOv2 heads, 16 for U-Net/TransUNet). */
    int sizeMultiple();

    @Override
    void close();
}
