package org.medino.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.medino.nn.Conv2d;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;

/**
 * TransUNet (Chen et al., 2021), trained from scratch: a ResNet-50 CNN cut after three stages
 * ({@code resnet}), a ViT encoder over the 1/16 map ({@code embeddings}, {@code encoder}), the
 * cascaded upsampler with CNN skips ({@code decoder}), and a 3×3 convolution to the classes
 * ({@code segmentation_head}).
 *
 * <p>The position embedding is sized for the image size of the config; other sizes are refused.
 */
public final class TransUNet extends Module implements ImageSegmenter {
    private final TransUNetConfig config;
    private final ResNetEncoder resnet;
    private final GridEmbedding embeddings;
    private final TransformerEncoder encoder;
    private final CascadedUpsampler decoder;
    private final Conv2d segmentationHead;

    public TransUNet(ModuleContext context, TransUNetConfig config) {
        super(context);
        this.config = config;
        this.resnet = addChild("resnet", new ResNetEncoder(context, config));
        this.embeddings = addChild("embeddings", new GridEmbedding(context, config));
        this.encoder = addChild("encoder", new TransformerEncoder(context, config));
        this.decoder = addChild("decoder", new CascadedUpsampler(context, config));
        this.segmentationHead = addChild("segmentation_head",
                new Conv2d(context, config.decoderWidths().get(3), config.numClasses(), 3, 1, 1, true));
    }

    public TransUNetConfig config() {
        return config;
    }

    @Override
    public NDArray forward(NDArray images) {
        Sizes.requireMultiple(images, sizeMultiple(), "TransUNet");
        ResNetFeatures features = resnet.forward(images);
        NDArray tokens = encoder.forward(embeddings.forward(features.sixteenth()));
        Shape s = tokens.getShape();
        // [B, h·w, hidden] → [B, hidden, h, w]
        NDArray map = tokens.transpose(0, 2, 1).reshape(s.get(0), s.get(2), config.gridHeight(), config.gridWidth());
        return segmentationHead.forward(decoder.forward(map, features));
    }

    @Override
    public int sizeMultiple() {
        return TransUNetConfig.DOWNSAMPLING;
    }
}
