package org.medino.model;

import java.util.Locale;
import org.medino.MedinoException;

/**
 * The architecture of a DINOv2 vision transformer: everything needed to build it and to check a
 * checkpoint against it.
 *
 * @param patchSize side of a square patch in pixels (14 for DINOv2)
 * @param inChans input channels (3)
 * @param embedDim token width D
 * @param depth number of blocks
 * @param numHeads attention heads (D must divide by it)
 * @param ffn MLP or SwiGLU feed-forward
 * @param ffnHidden hidden width of the feed-forward layer
 * @param numRegisters register tokens (0 or 4 in the public models)
 * @param gridSize side M of the patch grid the position embeddings were learned on
 * @param layerNormEps epsilon of every LayerNorm
 * @param layerScale whether blocks scale their branches by a learned gamma
 * @param biases which linear layers have a bias
 * @param posInterpolation how position embeddings are resized to other grids
 */
public record DinoV2Config(
        int patchSize,
        int inChans,
        int embedDim,
        int depth,
        int numHeads,
        FfnType ffn,
        int ffnHidden,
        int numRegisters,
        int gridSize,
        double layerNormEps,
        boolean layerScale,
        Biases biases,
        PosInterpolation posInterpolation) {

    /**
     * Which linear layers carry a bias. DINOv2 has all three; its constructor can turn each off.
     *
     * @param qkv the attention's qkv projection
     * @param proj the attention's output projection
     * @param ffn the feed-forward layers
     */
    public record Biases(boolean qkv, boolean proj, boolean ffn) {
        public static final Biases ALL = new Biases(true, true, true);
    }

    public DinoV2Config {
        if (numHeads <= 0 || embedDim % numHeads != 0) {
            throw new MedinoException("embedding width " + embedDim + " does not divide into " + numHeads + " attention heads");
        }
    }

    public int headDim() {
        return embedDim / numHeads;
    }

    /** Number of tokens before the patch tokens: CLS and registers. */
    public int prefixTokens() {
        return 1 + numRegisters;
    }

    public DinoV2Config withPosInterpolation(PosInterpolation rule) {
        return new DinoV2Config(patchSize, inChans, embedDim, depth, numHeads, ffn, ffnHidden, numRegisters,
                gridSize, layerNormEps, layerScale, biases, rule);
    }

    public DinoV2Config withNumHeads(int heads) {
        return new DinoV2Config(patchSize, inChans, embedDim, depth, heads, ffn, ffnHidden, numRegisters,
                gridSize, layerNormEps, layerScale, biases, posInterpolation);
    }

    /** The hidden width DINOv2 gives its fused SwiGLU layer: 2/3 of mlp_ratio·D, rounded up to 8. */
    public static int swigluHidden(int embedDim, double mlpRatio) {
        int hidden = (int) (embedDim * mlpRatio);
        return (hidden * 2 / 3 + 7) / 8 * 8;
    }

    /**
     * The public architectures: {@code vits14}, {@code vitb14}, {@code vitl14}, {@code vitg14}, at
     * 518 px (a 37×37 grid) as released, with 0 or 4 registers.
     */
    public static DinoV2Config preset(String name, boolean registers) {
        int registersCount = registers ? 4 : 0;
        PosInterpolation rule = PosInterpolation.forFamily(false, registers);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "vits14" -> new DinoV2Config(14, 3, 384, 12, 6, FfnType.MLP, 1536, registersCount, 37, 1e-6, true, Biases.ALL, rule);
            case "vitb14" -> new DinoV2Config(14, 3, 768, 12, 12, FfnType.MLP, 3072, registersCount, 37, 1e-6, true, Biases.ALL, rule);
            case "vitl14" -> new DinoV2Config(14, 3, 1024, 24, 16, FfnType.MLP, 4096, registersCount, 37, 1e-6, true, Biases.ALL, rule);
            case "vitg14" -> new DinoV2Config(14, 3, 1536, 40, 24, FfnType.SWIGLU, swigluHidden(1536, 4), registersCount, 37, 1e-6, true, Biases.ALL, rule);
            default -> throw new MedinoException("unknown architecture '" + name + "' (known: vits14, vitb14, vitl14, vitg14)");
        };
    }

    /** The head count of the public DINOv2 width {@code embedDim}, or 0 when the width is not a public one. */
    public static int publicHeadCount(int embedDim) {
        return switch (embedDim) {
            case 384 -> 6;
            case 768 -> 12;
            case 1024 -> 16;
            case 1536 -> 24;
            default -> 0;
        };
    }

    /** A one-line description, e.g. "ViT D=384 depth=12 heads=6 mlp registers=0 grid=37 patch=14". */
    public String describe() {
        return "ViT D=" + embedDim + " depth=" + depth + " heads=" + numHeads + " " + ffn.name().toLowerCase(Locale.ROOT)
                + " registers=" + numRegisters + " grid=" + gridSize + " patch=" + patchSize;
    }
}
