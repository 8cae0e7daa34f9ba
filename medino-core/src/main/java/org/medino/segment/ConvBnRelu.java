package org.medino.segment;

import ai.djl.ndarray.NDArray;
import org.medino.nn.BatchNorm2d;
import org.medino.nn.Conv2d;
import org.medino.nn.Layer;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;
import org.medino.nn.ReLU;

/** conv (no bias: BatchNorm's shift replaces it) → BatchNorm → ReLU; entries {@code conv}, {@code bn}. */
public final class ConvBnRelu extends Module implements Layer {
    private final Conv2d conv;
    private final BatchNorm2d bn;

    /** A k×k convolution with "same" padding for odd k. */
    public ConvBnRelu(ModuleContext context, int in, int out, int kernel) {
        super(context);
        this.conv = addChild("conv", new Conv2d(context, in, out, kernel, 1, kernel / 2, false));
        this.bn = addChild("bn", new BatchNorm2d(context, out));
    }

    @Override
    public NDArray forward(NDArray x) {
        return ReLU.apply(bn.forward(conv.forward(x)));
    }
}
