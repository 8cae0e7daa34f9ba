package org.medino.segment;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;
import org.medino.nn.ModuleList;

/**
 * TransUNet's decoder: 3×3 conv + BN + ReLU from the transformer width ({@code conv_more}), then
 * four up-blocks ({@code blocks.i}) joined by the 1/8, 1/4 and 1/2 skips (the last has none).
 */
final class CascadedUpsampler extends Module {
    private final ConvBnRelu convMore;
    private final ModuleList<CascadedUpBlock> blocks;

    CascadedUpsampler(ModuleContext context, TransUNetConfig config) {
        super(context);
        this.convMore = addChild("conv_more", new ConvBnRelu(context, config.hidden(), config.decoderHeadChannels(), 3));
        List<Integer> widths = config.decoderWidths();
        List<Integer> skips = config.skipChannels();
        this.blocks = addChild("blocks", new ModuleList<>(context, 4, i -> {
            int in = i == 0 ? config.decoderHeadChannels() : widths.get(i - 1);
            int skip = i < 3 ? skips.get(2 - i) : 0;
            return new CascadedUpBlock(context, in, skip, widths.get(i));
        }));
    }

    /** The 1/16 map [B, hidden, h, w] → full-resolution features [B, widths[3], 16h, 16w]. */
    NDArray forward(NDArray map, ResNetFeatures features) {
        NDArray x = convMore.forward(map);
        NDArray[] skips = {features.eighth(), features.quarter(), features.half(), null};
        for (int i = 0; i < 4; i++) {
            x = blocks.get(i).forward(x, skips[i]);
        }
        return x;
    }
}
