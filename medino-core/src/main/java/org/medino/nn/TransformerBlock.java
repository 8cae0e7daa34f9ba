package org.medino.nn;

import ai.djl.ndarray.NDArray;

/** Pre-norm transformer block: x + attn(norm1(x)), then x + mlp(norm2(x)). */
public final class TransformerBlock extends Module implements Layer {
    private final LayerNorm norm1;
    private final SelfAttention attn;
    private final LayerNorm norm2;
    private final Mlp mlp;

    public TransformerBlock(ModuleContext context, int dim, int heads, int mlpDim, double eps,
            double attentionDropout, double dropout) {
        super(context);
        this.norm1 = addChild("norm1", new LayerNorm(context, dim, eps));
        this.attn = addChild("attn", new SelfAttention(context, dim, heads, attentionDropout, dropout));
        this.norm2 = addChild("norm2", new LayerNorm(context, dim, eps));
        this.mlp = addChild("mlp", new Mlp(context, dim, mlpDim, dropout));
    }

    /** [B, N, D] → [B, N, D]. */
    @Override
    public NDArray forward(NDArray x) {
        NDArray afterAttention = x.add(attn.forward(norm1.forward(x)));
        return afterAttention.add(mlp.forward(norm2.forward(afterAttention)));
    }
}
