package org.medino.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.medino.nn.ConvTranspose2d;
import org.medino.nn.Layer;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;

/**
 * U-Net decoder step: ×2 transposed convolution ({@code up}), concatenation with the skip
 * features (up-sampled first, skip second), and a convolution block ({@code conv}) that fuses them.
 *
 * @param <F> the fusing block (its input has out + skip channels)
 */
final class SkipUpBlock<F extends Module & Layer> extends Module {
    private final ConvTranspose2d up;
    private final F fuse;

    SkipUpBlock(ModuleContext context, int in, int out, F fuse) {
        super(context);
        this.up = addChild("up", new ConvTranspose2d(context, in, out, 2, true));
        this.fuse = addChild("conv", fuse);
    }

    NDArray forward(NDArray x, NDArray skip) {
        NDArray upsampled = up.forward(x);
        return fuse.forward(NDArrays.concat(new NDList(upsampled, skip), 1));
    }
}
