package org.medino.segment;

import org.medino.nn.ModuleContext;

/** The linear head on the last four blocks' maps concatenated (4·D channels). */
public final class MultiLayerHead extends BatchNormLinearHead {
    private final MultiLayerHeadConfig config;

    public MultiLayerHead(ModuleContext context, MultiLayerHeadConfig config) {
        super(context, config.embedDim(), config.numClasses(), config.blocks());
        this.config = config;
    }

    public MultiLayerHeadConfig config() {
        return config;
    }
}
