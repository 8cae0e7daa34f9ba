package org.medino.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Multi-head self-attention with a fused qkv projection, as the reference's Attention. */
final class Attention {
    private final Linear qkv;
    private final Linear proj;
    private final int heads;
    private final float scale;

    Attention(ParamRegistry registry, String prefix, int dim, int heads, DinoV2Config.Biases biases) {
        this.qkv = new Linear(registry, prefix + "qkv.", dim, 3 * dim, biases.qkv());
        this.proj = new Linear(registry, prefix + "proj.", dim, dim, biases.proj());
        this.heads = heads;
        this.scale = (float) Math.pow(dim / heads, -0.5);
    }

    /** [B, N, D] → [B, N, D]. */
    NDArray forward(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long n = s.get(1);
        long d = s.get(2);
        NDArray packed = qkv.forward(x);
        // [B, N, 3, heads, hd] → [3, B, heads, N, hd]
        NDArray split = packed.reshape(b, n, 3, heads, d / heads).transpose(2, 0, 3, 1, 4);
        packed.close();
        NDArray q = split.get(0).mul(scale);
        NDArray kT = split.get(1).transpose(0, 1, 3, 2);
        NDArray v = split.get(2);
        NDArray logits = q.matMul(kT);
        q.close();
        kT.close();
        NDArray weights = logits.softmax(-1);
        logits.close();
        NDArray mixed = weights.matMul(v);
        weights.close();
        v.close();
        split.close();
        // [B, heads, N, hd] → [B, N, D]
        NDArray merged = mixed.transpose(0, 2, 1, 3).reshape(b, n, d);
        mixed.close();
        NDArray out = proj.forward(merged);
        merged.close();
        return out;
    }
}
