package org.medino.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.medino.nn.Bilinear;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;

/**
 * One step of TransUNet's cascaded upsampler: bilinear ×2 with align_corners=True (as
 * nn.UpsamplingBilinear2d), concatenation with the skip if there is one, then two 3×3
 * conv + BN + ReLU ({@code conv1}, {@code conv2}).
 */
final class CascadedUpBlock extends Module {
    private final ConvBnRelu conv1;
    private final ConvBnRelu conv2;

    CascadedUpBlock(ModuleContext context, int in, int skip, int out) {
        super(context);
        this.conv1 = addChild("conv1", new ConvBnRelu(context, in + skip, out, 3));
        this.conv2 = addChild("conv2", new ConvBnRelu(context, out, out, 3));
    }

    /** @param skip the skip features at twice x's resolution, or null */
    NDArray forward(NDArray x, NDArray skip) {
        int h = Math.toIntExact(x.getShape().get(2)) * 2;
        int w = Math.toIntExact(x.getShape().get(3)) * 2;
        NDArray up = Bilinear.resize(x, h, w, true);
        NDArray joined = skip == null ? up : NDArrays.concat(new NDList(up, skip), 1);
        return conv2.forward(conv1.forward(joined));
    }
}
