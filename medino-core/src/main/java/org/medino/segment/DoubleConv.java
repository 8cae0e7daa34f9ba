package org.medino.segment;

import ai.djl.ndarray.NDArray;
import org.medino.nn.Layer;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;

/** Two 3×3 conv + BN + ReLU in a row, the U-Net level; entries {@code first}, {@code second}. */
public final class DoubleConv extends Module implements Layer {
    private final ConvBnRelu first;
    private final ConvBnRelu second;

    public DoubleConv(ModuleContext context, int in, int out) {
        super(context);
        this.first = addChild("first", new ConvBnRelu(context, in, out, 3));
        this.second = addChild("second", new ConvBnRelu(context, out, out, 3));
    }

    @Override
    public NDArray forward(NDArray x) {
        return second.forward(first.forward(x));
    }
}
