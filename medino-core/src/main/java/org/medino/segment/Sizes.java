package org.medino.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Input-size checks shared by the networks. */
final class Sizes {
    private Sizes() {}

    /** Fails unless {@code images} is [B, C, H, W] with H and W multiples of {@code multiple}. */
    static void requireMultiple(NDArray images, int multiple, String network) {
        Shape s = images.getShape();
        if (s.dimension() != 4 || s.get(2) % multiple != 0 || s.get(3) % multiple != 0) {
            throw new IllegalArgumentException(network + " needs images [B, C, H, W] with H and W multiples of "
                    + multiple + ", got " + s);
        }
    }
}
