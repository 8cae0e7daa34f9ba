package org.medino.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * What one forward pass gives, all in the caller's scope. Token order in the sequence is CLS,
 * registers, then patches in row-major grid order.
 *
 * @param cls normalized CLS token [B, D]
 * @param patch normalized patch tokens [B, T, D], T = gridH · gridW
 * @param registers normalized register tokens [B, R, D] (R may be 0)
 * @param lastHiddenState final norm over all tokens [B, 1 + R + T, D]
 * @param intermediatesRaw outputs of the last n blocks, oldest first, without the final norm [B, 1 + R + T, D]
 * @param intermediatesNormed the same with the final norm applied
 * @param gridH patch rows
 * @param gridW patch columns
 * @param numRegisters R
 */
public record DinoFeatures(
        NDArray cls,
        NDArray patch,
        NDArray registers,
        NDArray lastHiddenState,
        List<NDArray> intermediatesRaw,
        List<NDArray> intermediatesNormed,
        int gridH,
        int gridW,
        int numRegisters) {

    /** Patch tokens as maps [B, D, gridH, gridW], ready for a dense head. */
    public NDArray patchMap() {
        return asMap(patch);
    }

    /** CLS of intermediate block j (0 = oldest of the last n), final norm applied: [B, D]. */
    public NDArray intermediateCls(int j) {
        return intermediatesNormed.get(j).get(":, 0, :");
    }

    /** Patch tokens of intermediate block j, final norm applied: [B, T, D]. */
    public NDArray intermediatePatch(int j) {
        return patchTokens(intermediatesNormed.get(j));
    }

    /** Patch tokens of intermediate block j without the final norm: [B, T, D]. */
    public NDArray intermediateRawPatch(int j) {
        return patchTokens(intermediatesRaw.get(j));
    }

    /** Patch tokens [B, T, D] of a full token sequence [B, 1 + R + T, D] as maps [B, D, gridH, gridW]. */
    public NDArray asMap(NDArray patchTokens) {
        long b = patchTokens.getShape().get(0);
        long d = patchTokens.getShape().get(2);
        return patchTokens.transpose(0, 2, 1).reshape(b, d, gridH, gridW);
    }

    private NDArray patchTokens(NDArray sequence) {
        return sequence.get(":, " + (1 + numRegisters) + ":, :");
    }
}
