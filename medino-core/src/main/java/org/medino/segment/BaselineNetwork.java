package org.medino.segment;

import ai.djl.ndarray.NDArray;
import org.medino.nn.Module;

/** A U-Net or TransUNet trained from scratch: the images go straight into the module. */
final class BaselineNetwork extends ModuleNetwork {
    private final ImageSegmenter segmenter;

    <T extends Module & ImageSegmenter> BaselineNetwork(T network) {
        super(network);
        this.segmenter = network;
    }

    @Override
    public NDArray forward(NDArray images, boolean training, String[] keys) {
        module.train(training);
        return segmenter.forward(images);
    }

    @Override
    public int sizeMultiple() {
        return segmenter.sizeMultiple();
    }
}
