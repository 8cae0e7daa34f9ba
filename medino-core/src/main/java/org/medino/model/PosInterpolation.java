package org.medino.model;

/**
 * How the position embeddings, learned on an M×M patch grid, are resized to another grid. Three
 * rules are in use and they give different numbers, so a checkpoint must be run with its own:
 *
 * <ul>
 *   <li>official DINOv2 without registers: bicubic with scale factor (n + 0.1) / M, no antialias
 *       ({@link #OFFICIAL});
 *   <li>official DINOv2 with registers, and Hugging Face {@code Dinov2WithRegistersModel}: bicubic
 *       to the exact size with antialias ({@link #REGISTERS});
 *   <li>Hugging Face {@code Dinov2Model}: bicubic to the exact size without antialias ({@link
 *       #HF}).
 * </ul>
 *
 * @param offset when non-zero, the grid is resized by the scale factor (n + offset) / M, which the
 *     kernel uses as is (the official "interpolate_offset"); when zero, to the exact size n
 * @param antialias whether PyTorch's antialiased bicubic filter is used
 */
public record PosInterpolation(double offset, boolean antialias) {
    public static final PosInterpolation OFFICIAL = new PosInterpolation(0.1, false);
    public static final PosInterpolation REGISTERS = new PosInterpolation(0.0, true);
    public static final PosInterpolation HF = new PosInterpolation(0.0, false);

    /** The rule of a checkpoint family: {@code official} or {@code hf} layouts, with or without registers. */
    public static PosInterpolation forFamily(boolean huggingFaceLayout, boolean hasRegisters) {
        if (hasRegisters) {
            return REGISTERS;
        }
        return huggingFaceLayout ? HF : OFFICIAL;
    }

    /**
     * Resizes a channel-first grid [C, M, M] to [C, outH, outW] by this rule.
     *
     * @param grid the patch position embeddings, channel-first
     */
    public float[] apply(float[] grid, int channels, int m, int outH, int outW) {
        if (offset != 0.0) {
            double scaleH = (outH + offset) / m;
            double scaleW = (outW + offset) / m;
            float[] out = Bicubic.resizeByScale(grid, channels, m, m, scaleH, scaleW, antialias);
            if (Bicubic.scaledSize(m, scaleH) != outH || Bicubic.scaledSize(m, scaleW) != outW) {
                throw new IllegalStateException("scale factor did not give the grid " + outH + "x" + outW);
            }
            return out;
        }
        return Bicubic.resize(grid, channels, m, m, outH, outW, antialias);
    }

    @Override
    public String toString() {
        if (offset != 0.0) {
            return "bicubic, scale factor (n+" + offset + ")/M" + (antialias ? ", antialias" : "");
        }
        return "bicubic to size" + (antialias ? ", antialias" : "");
    }
}
