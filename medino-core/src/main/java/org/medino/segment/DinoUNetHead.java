package org.medino.segment;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.medino.nn.Bilinear;
import org.medino.nn.Conv2d;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;
import org.medino.nn.ModuleList;

/**
 * A U-Net-style decoder on the last five blocks of a frozen DINOv2 backbone.
 *
 * <p>All ViT maps have the same resolution, so the U shape is made by the decoder: the newest
 * map is the bottleneck; four up-blocks each double the resolution (2×2 transposed convolution),
 * concatenate a skip and fuse with 3×3 conv + BN + ReLU. The skips are the four previous blocks,
 * newest first, each projected by 3×3 conv + BN + ReLU ({@code skips.i}) to the up-block's width
 * and bilinearly resized to its resolution. A 1×1 convolution ({@code head}) gives the classes;
 * the logits are bilinearly resized to the image size (align_corners=False).
 */
public final class DinoUNetHead extends Module implements FeatureSegmenter {
    private static final int BLOCKS = 5;

    private final DinoUNetHeadConfig config;
    private final ModuleList<ConvBnRelu> skips;
    private final ModuleList<SkipUpBlock<ConvBnRelu>> ups;
    private final Conv2d head;

    public DinoUNetHead(ModuleContext context, DinoUNetHeadConfig config) {
        super(context);
        this.config = config;
        List<Integer> widths = config.widths();
        this.skips = addChild("skips", new ModuleList<>(context, 4,
                i -> new ConvBnRelu(context, config.embedDim(), widths.get(i), 3)));
        this.ups = addChild("ups", new ModuleList<>(context, 4, i -> {
            int in = i == 0 ? config.embedDim() : widths.get(i - 1);
            int out = widths.get(i);
            return new SkipUpBlock<>(context, in, out, new ConvBnRelu(context, 2 * out, out, 3));
        }));
        this.head = addChild("head", new Conv2d(context, widths.get(3), config.numClasses(), 1, 1, 0, true));
    }

    public DinoUNetHeadConfig config() {
        return config;
    }

    @Override
    public NDArray forward(List<NDArray> features, int height, int width) {
        List<NDArray> used = Features.newest(features, BLOCKS, "DinoUNetHead");
        NDArray x = used.get(BLOCKS - 1);
        for (int i = 0; i < 4; i++) {
            // skip i is the (i+1)-th newest block before the bottleneck
            NDArray projected = skips.get(i).forward(used.get(BLOCKS - 2 - i));
            int h = Math.toIntExact(x.getShape().get(2)) * 2;
            int w = Math.toIntExact(x.getShape().get(3)) * 2;
            x = ups.get(i).forward(x, Bilinear.resize(projected, h, w, false));
        }
        return Bilinear.resize(head.forward(x), height, width, false);
    }

    @Override
    public int blocksUsed() {
        return BLOCKS;
    }
}
