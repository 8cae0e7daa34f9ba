package org.medino.model;

import ai.djl.ndarray.NDArray;

/** A pre-norm transformer block: x + ls1(attn(norm1(x))), then x + ls2(ffn(norm2(x))). */
final class Block {
    private final LayerNorm norm1;
    private final Attention attn;
    private final LayerScale ls1;
    private final LayerNorm norm2;
    private final FeedForward ffn;
    private final LayerScale ls2;

    Block(ParamRegistry registry, String prefix, DinoV2Config c) {
        this.norm1 = new LayerNorm(registry, prefix + "norm1.", c.embedDim(), c.layerNormEps());
        this.attn = new Attention(registry, prefix + "attn.", c.embedDim(), c.numHeads(), c.biases());
        this.ls1 = c.layerScale() ? new LayerScale(registry, prefix + "ls1.", c.embedDim()) : null;
        this.norm2 = new LayerNorm(registry, prefix + "norm2.", c.embedDim(), c.layerNormEps());
        this.ffn = c.ffn() == FfnType.SWIGLU
                ? new SwiGluFfn(registry, prefix + "mlp.", c.embedDim(), c.ffnHidden(), c.biases().ffn())
                : new Mlp(registry, prefix + "mlp.", c.embedDim(), c.ffnHidden(), c.biases().ffn());
        this.ls2 = c.layerScale() ? new LayerScale(registry, prefix + "ls2.", c.embedDim()) : null;
    }

    /** Returns a new array; {@code x} stays open (the model may keep it as an intermediate output). */
    NDArray forward(NDArray x) {
        NDArray normed = norm1.forward(x);
        NDArray attended = attn.forward(normed);
        normed.close();
        NDArray afterAttn = addScaled(x, attended, ls1);
        NDArray normed2 = norm2.forward(afterAttn);
        NDArray fed = ffn.forward(normed2);
        normed2.close();
        NDArray out = addScaled(afterAttn, fed, ls2);
        afterAttn.close();
        return out;
    }

    /** x + scale(branch); closes the branch. */
    private static NDArray addScaled(NDArray x, NDArray branch, LayerScale scale) {
        NDArray scaled = scale == null ? branch : scale.forward(branch);
        NDArray out = x.add(scaled);
        if (scaled != branch) {
            scaled.close();
        }
        branch.close();
        return out;
    }
}
