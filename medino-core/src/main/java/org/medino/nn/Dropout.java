package org.medino.nn;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * Inverted dropout with masks drawn on the host from a seeded stream, so that a training run is
 * reproducible (libtorch's own dropout would draw from torch's global generator). Identity in
 * evaluation mode or at rate 0.
 */
public final class Dropout extends Module implements Layer {
    private final float rate;
    private final SplittableRandom random;

    public Dropout(ModuleContext context, double rate) {
        super(context);
        if (rate < 0 || rate >= 1) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1): " + rate);
        }
        this.rate = (float) rate;
        this.random = context.split();
    }

    @Override
    public NDArray forward(NDArray x) {
        if (!isTraining() || rate == 0) {
            return x;
        }
        float[] mask = new float[Math.toIntExact(x.size())];
        float keep = 1 / (1 - rate);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < rate ? 0 : keep;
        }
        return x.mul(x.getManager().create(mask, x.getShape()));
    }
}
