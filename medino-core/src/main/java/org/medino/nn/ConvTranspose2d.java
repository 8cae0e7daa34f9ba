package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * torch.nn.ConvTranspose2d with kernel size equal to stride and no padding (the ×k up-sampling of
 * U-Nets): weight [in, out, k, k], bias [out].
 *
 * <p>DJL 0.36's PyTorch engine does not implement deconvolution (it throws), but with kernel =
 * stride the output windows do not overlap, so the layer is one matrix product: every input pixel
 * x[b, :, i, j] becomes the k×k output block (x · W)[o, p, q] at (k·i + p, k·j + q).
 *
 * <p>Initialized as PyTorch does: U(±1/√fan_in) where PyTorch's fan_in of a transposed weight is
 * its dimension 1 times the kernel area, i.e. out·k·k.
 */
public final class ConvTranspose2d extends Module implements Layer {
    private final NDArray weight;
    private final NDArray bias;
    private final int in;
    private final int out;
    private final int kernel;

    public ConvTranspose2d(ModuleContext context, int in, int out, int kernel, boolean bias) {
        super(context);
        double bound = 1 / Math.sqrt((double) out * kernel * kernel);
        this.weight = addParameter("weight", context.uniform(bound, in, out, kernel, kernel), true);
        this.bias = bias ? addParameter("bias", context.uniform(bound, out), false) : null;
        this.in = in;
        this.out = out;
        this.kernel = kernel;
    }

    /** [B, in, H, W] → [B, out, k·H, k·W]. */
    @Override
    public NDArray forward(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 4 || s.get(1) != in) {
            throw new IllegalArgumentException("expected [B, " + in + ", H, W], got " + s);
        }
        long b = s.get(0);
        long h = s.get(2);
        long w = s.get(3);
        NDManager scope = x.getManager();
        NDArray flatWeight = Scopes.adopt(weight.reshape(in, (long) out * kernel * kernel), scope);
        // [B, H, W, in] · [in, out·k·k] → [B, H, W, out, k, k] → [B, out, H, k, W, k]
        NDArray blocks = x.transpose(0, 2, 3, 1).matMul(flatWeight)
                .reshape(b, h, w, out, kernel, kernel)
                .transpose(0, 3, 1, 4, 2, 5)
                .reshape(b, out, h * kernel, w * kernel);
        if (bias == null) {
            return blocks;
        }
        return blocks.add(Scopes.adopt(bias.reshape(1, out, 1, 1), scope));
    }
}
