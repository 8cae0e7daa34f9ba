package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multi-head self-attention with a fused query-key-value projection ({@code qkv}, [3D, D]) and an
 * output projection ({@code proj}), as timm's and DINOv2's Attention; dropout on the attention
 * weights and after the projection.
 */
public final class SelfAttention extends Module implements Layer {
    private final Linear qkv;
    private final Linear proj;
    private final Dropout attentionDropout;
    private final Dropout projectionDropout;
    private final int heads;
    private final float scale;

    public SelfAttention(ModuleContext context, int dim, int heads, double attentionDropout, double dropout) {
        super(context);
        if (dim % heads != 0) {
            throw new IllegalArgumentException("dim " + dim + " not divisible by " + heads + " heads");
        }
        this.qkv = addChild("qkv", new Linear(context, dim, 3 * dim, true));
        this.proj = addChild("proj", new Linear(context, dim, dim, true));
        this.attentionDropout = addChild("attn_drop", new Dropout(context, attentionDropout));
        this.projectionDropout = addChild("proj_drop", new Dropout(context, dropout));
        this.heads = heads;
        this.scale = (float) Math.pow((double) dim / heads, -0.5);
    }

    /** [B, N, D] → [B, N, D]. */
    @Override
    public NDArray forward(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long n = s.get(1);
        long d = s.get(2);
        // [B, N, 3, heads, hd] → [3, B, heads, N, hd]
        NDArray split = qkv.forward(x).reshape(b, n, 3, heads, d / heads).transpose(2, 0, 3, 1, 4);
        NDArray q = split.get(0).mul(scale);
        NDArray kT = split.get(1).transpose(0, 1, 3, 2);
        NDArray v = split.get(2);
        NDArray weights = attentionDropout.forward(q.matMul(kT).softmax(-1));
        NDArray merged = weights.matMul(v).transpose(0, 2, 1, 3).reshape(b, n, d);
        return projectionDropout.forward(proj.forward(merged));
    }
}
