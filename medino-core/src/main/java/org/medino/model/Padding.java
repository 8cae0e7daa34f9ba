package org.medino.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Zero-pads images [B, C, H, W] to multiples of the patch size, split evenly between both sides
 * (the extra pixel on the bottom/right), as DINOv2's own CenterPadding does for dense tasks.
 */
public final class Padding {
    private Padding() {}

    /** Total padding that brings {@code size} to a multiple of {@code multiple}. */
    public static int needed(long size, int multiple) {
        return (int) ((multiple - size % multiple) % multiple);
    }

    /** Returns {@code images} itself when no padding is needed, else a new padded array. */
    public static NDArray centerPad(NDArray images, int multiple) {
        Shape s = images.getShape();
        int padH = needed(s.get(2), multiple);
        int padW = needed(s.get(3), multiple);
        if (padH == 0 && padW == 0) {
            return images;
        }
        // DJL's pad takes (before, after) pairs from the last axis backwards, as torch.nn.functional.pad.
        return images.pad(new Shape(padW / 2, padW - padW / 2, padH / 2, padH - padH / 2), 0.0);
    }
}
