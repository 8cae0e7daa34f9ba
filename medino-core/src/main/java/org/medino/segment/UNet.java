package org.medino.segment;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.medino.nn.Conv2d;
import org.medino.nn.MaxPool2d;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;
import org.medino.nn.ModuleList;

/**
 * The plain U-Net baseline trained from scratch: per level a double 3×3 conv + BN + ReLU
 * ({@code encoders.i}), 2×2 max-pooling between levels, a {@code bottleneck}, and per level up a
 * 2×2 transposed convolution, concatenation with the encoder features and a double conv
 * ({@code decoders.i}, coarsest first); a 1×1 convolution ({@code head}) gives the classes.
 */
public final class UNet extends Module implements ImageSegmenter {
    private static final MaxPool2d POOL = new MaxPool2d(2, 2, 0);

    private final UNetConfig config;
    private final ModuleList<DoubleConv> encoders;
    private final DoubleConv bottleneck;
    private final ModuleList<SkipUpBlock<DoubleConv>> decoders;
    private final Conv2d head;

    public UNet(ModuleContext context, UNetConfig config) {
        super(context);
        this.config = config;
        List<Integer> widths = config.widths();
        int depth = config.depth();
        this.encoders = addChild("encoders", new ModuleList<>(context, depth,
                i -> new DoubleConv(context, i == 0 ? config.inChannels() : widths.get(i - 1), widths.get(i))));
        this.bottleneck = addChild("bottleneck", new DoubleConv(context, widths.get(depth - 1), widths.get(depth)));
        this.decoders = addChild("decoders", new ModuleList<>(context, depth, i -> {
            int level = depth - 1 - i;
            int out = widths.get(level);
            return new SkipUpBlock<>(context, widths.get(level + 1), out, new DoubleConv(context, 2 * out, out));
        }));
        this.head = addChild("head", new Conv2d(context, widths.get(0), config.numClasses(), 1, 1, 0, true));
    }

    public UNetConfig config() {
        return config;
    }

    @Override
    public NDArray forward(NDArray images) {
        Sizes.requireMultiple(images, sizeMultiple(), "UNet");
        List<NDArray> skips = new ArrayList<>();
        NDArray x = images;
        for (DoubleConv encoder : encoders.items()) {
            x = encoder.forward(x);
            skips.add(x);
            x = POOL.forward(x);
        }
        x = bottleneck.forward(x);
        for (int i = 0; i < decoders.size(); i++) {
            x = decoders.get(i).forward(x, skips.get(skips.size() - 1 - i));
        }
        return head.forward(x);
    }

    /** 2^depth: every level halves the resolution exactly. */
    @Override
    public int sizeMultiple() {
        return 1 << config.depth();
    }
}
