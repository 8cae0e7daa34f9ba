package org.medino.segment;

import ai.djl.ndarray.NDArray;
import org.medino.nn.LayerNorm;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;
import org.medino.nn.ModuleList;
import org.medino.nn.TransformerBlock;

/** ViT encoder: pre-norm blocks ({@code layers.i}) then a final LayerNorm ({@code norm}), eps 1e-6. */
final class TransformerEncoder extends Module {
    private static final double EPS = 1e-6;

    private final ModuleList<TransformerBlock> layers;
    private final LayerNorm norm;

    TransformerEncoder(ModuleContext context, TransUNetConfig config) {
        super(context);
        this.layers = addChild("layers", new ModuleList<>(context, config.layers(),
                i -> new TransformerBlock(context, config.hidden(), config.heads(), config.mlpDim(), EPS,
                        config.attentionDropout(), config.dropout())));
        this.norm = addChild("norm", new LayerNorm(context, config.hidden(), EPS));
    }

    /** [B, N, hidden] → [B, N, hidden]. */
    NDArray forward(NDArray tokens) {
        NDArray x = tokens;
        for (TransformerBlock block : layers.items()) {
            x = block.forward(x);
        }
        return norm.forward(x);
    }
}
