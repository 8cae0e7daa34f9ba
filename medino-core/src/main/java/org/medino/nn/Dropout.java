package org.medino.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Inverted dropout: in training mode each value is zeroed with probability {@code rate} and the
 * rest are scaled by 1/(1 − rate); identity in evaluation mode or at rate 0.
 *
 * <p>The masks are drawn by libtorch ({@code uniform_} on the CPU generator, which draws serially
 * and so reproducibly) from a seed that {@link Module#reseedDropout} sets, so a run is a function of
 * its seeds. They are not drawn on the host: a mask handed to libtorch from Java memory and saved by
 * autograd for the backward pass gave corrupted gradients (exploding or NaN) in deep stacks, which
 * masks made by libtorch itself do not.
 */
public final class Dropout extends Module implements Layer {
    private final float rate;

    public Dropout(ModuleContext context, double rate) {
        super(context);
        if (rate < 0 || rate >= 1) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1): " + rate);
        }
        this.rate = (float) rate;
    }

    /** Seeds libtorch's CPU generator, which every dropout layer draws from. */
    static void seedGenerator(long seed) {
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    @Override
    public NDArray forward(NDArray x) {
        if (!isTraining() || rate == 0) {
            return x;
        }
        NDArray keep = x.getManager().randomUniform(0f, 1f, x.getShape()).gte(rate);
        return x.mul(keep.toType(DataType.FLOAT32, false).mul(1 / (1 - rate)));
    }
}
