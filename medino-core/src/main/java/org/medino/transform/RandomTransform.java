package org.medino.transform;

import java.util.SplittableRandom;

/**
 * A random transform split in two, so each half can be tested on its own: drawing the
 * parameters ({@link #sample}) and applying them ({@link #applyWith}).
 *
 * <p>One set of parameters is drawn per call and applied to every image of the sample it concerns,
 * so an image and its mask (or all modalities of a case) undergo the same geometry.
 *
 * @param <P> the parameters of one application
 */
public abstract class RandomTransform<P> implements Transform {

    /** Draws the parameters for {@code sample} (whose shape some transforms need). */
    public abstract P sample(Sample sample, SplittableRandom random);

    /** Applies fixed parameters; deterministic. */
    public abstract Sample applyWith(Sample sample, P parameters);

    @Override
    public final Sample apply(Sample sample, SplittableRandom random) {
        UnusableRandom.check(random, this);
        return applyWith(sample, sample(sample, random));
    }
}
