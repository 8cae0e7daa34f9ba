package org.medino.segment;

import ai.djl.ndarray.NDArray;
import org.medino.nn.BatchNorm2d;
import org.medino.nn.Conv2d;
import org.medino.nn.Layer;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;
import org.medino.nn.ModuleList;
import org.medino.nn.ReLU;

/**
 * torchvision's ResNet bottleneck (v1.5: the stride sits on the 3×3): 1×1 → 3×3 → 1×1 (×4
 * channels), each with BatchNorm, plus a projection shortcut {@code downsample} (1×1 conv + BN,
 * entries "0" and "1" as in torchvision) when the shape changes; ReLU after the sum.
 */
final class Bottleneck extends Module implements Layer {
    private final Conv2d conv1;
    private final BatchNorm2d bn1;
    private final Conv2d conv2;
    private final BatchNorm2d bn2;
    private final Conv2d conv3;
    private final BatchNorm2d bn3;
    private final Conv2d shortcutConv;
    private final BatchNorm2d shortcutBn;

    Bottleneck(ModuleContext context, int in, int width, int stride) {
        super(context);
        int out = TransUNetConfig.EXPANSION * width;
        this.conv1 = addChild("conv1", new Conv2d(context, in, width, 1, 1, 0, false));
        this.bn1 = addChild("bn1", new BatchNorm2d(context, width));
        this.conv2 = addChild("conv2", new Conv2d(context, width, width, 3, stride, 1, false));
        this.bn2 = addChild("bn2", new BatchNorm2d(context, width));
        this.conv3 = addChild("conv3", new Conv2d(context, width, out, 1, 1, 0, false));
        this.bn3 = addChild("bn3", new BatchNorm2d(context, out));
        if (stride != 1 || in != out) {
            ModuleList<Module> downsample = addChild("downsample", new ModuleList<>(context, 2,
                    i -> i == 0 ? new Conv2d(context, in, out, 1, stride, 0, false) : new BatchNorm2d(context, out)));
            this.shortcutConv = (Conv2d) downsample.get(0);
            this.shortcutBn = (BatchNorm2d) downsample.get(1);
        } else {
            this.shortcutConv = null;
            this.shortcutBn = null;
        }
    }

    @Override
    public NDArray forward(NDArray x) {
        NDArray y = ReLU.apply(bn1.forward(conv1.forward(x)));
        y = ReLU.apply(bn2.forward(conv2.forward(y)));
        y = bn3.forward(conv3.forward(y));
        NDArray shortcut = shortcutConv == null ? x : shortcutBn.forward(shortcutConv.forward(x));
        return ReLU.apply(y.add(shortcut));
    }
}
