package org.medino.segment;

import org.medino.nn.ModuleContext;

/** DINOv2's "linear" segmentation head on the last block's patch map. */
public final class LinearHead extends BatchNormLinearHead {
    private final LinearHeadConfig config;

    public LinearHead(ModuleContext context, LinearHeadConfig config) {
        super(context, config.embedDim(), config.numClasses(), 1);
        this.config = config;
    }

    public LinearHeadConfig config() {
        return config;
    }
}
