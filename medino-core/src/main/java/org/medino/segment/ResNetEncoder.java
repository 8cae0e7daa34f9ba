package org.medino.segment;

import ai.djl.ndarray.NDArray;
import org.medino.nn.BatchNorm2d;
import org.medino.nn.Conv2d;
import org.medino.nn.MaxPool2d;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;
import org.medino.nn.ModuleList;
import org.medino.nn.ReLU;

/**
 * The first three stages of a torchvision-style ResNet-50 with BatchNorm: 7×7/2 {@code conv1} +
 * {@code bn1} + ReLU (the 1/2 skip), 3×3/2 max-pool, then {@code layer1} (stride 1, the 1/4 skip),
 * {@code layer2} (stride 2, the 1/8 skip) and {@code layer3} (stride 2, the 1/16 map).
 */
final class ResNetEncoder extends Module {
    private static final MaxPool2d POOL = new MaxPool2d(3, 2, 1);

    private final Conv2d conv1;
    private final BatchNorm2d bn1;
    private final ModuleList<Bottleneck> layer1;
    private final ModuleList<Bottleneck> layer2;
    private final ModuleList<Bottleneck> layer3;

    ResNetEncoder(ModuleContext context, TransUNetConfig config) {
        super(context);
        this.conv1 = addChild("conv1", new Conv2d(context, config.inChannels(), config.stemWidth(), 7, 2, 3, false));
        this.bn1 = addChild("bn1", new BatchNorm2d(context, config.stemWidth()));
        int in = config.stemWidth();
        this.layer1 = addChild("layer1", stage(context, in, config.stageWidths().get(0), config.stageBlocks().get(0), 1));
        in = TransUNetConfig.EXPANSION * config.stageWidths().get(0);
        this.layer2 = addChild("layer2", stage(context, in, config.stageWidths().get(1), config.stageBlocks().get(1), 2));
        in = TransUNetConfig.EXPANSION * config.stageWidths().get(1);
        this.layer3 = addChild("layer3", stage(context, in, config.stageWidths().get(2), config.stageBlocks().get(2), 2));
    }

    /** The first block changes shape (stride, width); the rest keep it. */
    private static ModuleList<Bottleneck> stage(ModuleContext context, int in, int width, int blocks, int stride) {
        int out = TransUNetConfig.EXPANSION * width;
        return new ModuleList<>(context, blocks,
                i -> i == 0 ? new Bottleneck(context, in, width, stride) : new Bottleneck(context, out, width, 1));
    }

    ResNetFeatures forward(NDArray images) {
        NDArray half = ReLU.apply(bn1.forward(conv1.forward(images)));
        NDArray quarter = run(layer1, POOL.forward(half));
        NDArray eighth = run(layer2, quarter);
        NDArray sixteenth = run(layer3, eighth);
        return new ResNetFeatures(half, quarter, eighth, sixteenth);
    }

    private static NDArray run(ModuleList<Bottleneck> stage, NDArray x) {
        for (Bottleneck block : stage.items()) {
            x = block.forward(x);
        }
        return x;
    }
}
