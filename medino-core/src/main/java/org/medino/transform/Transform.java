package org.medino.transform;

import java.util.SplittableRandom;

/**
 * Something that maps a sample to a new sample.
 *
 * <p>Randomness is always explicit: a transform draws only from the generator it is given, so a
 * fixed seed reproduces the same output. Deterministic transforms ignore the generator (see
 * {@link #apply(Sample)}).
 */
@FunctionalInterface
public interface Transform {

    /** Transforms {@code sample}, drawing any random parameters from {@code random}. */
    Sample apply(Sample sample, SplittableRandom random);

    /** {@code apply(sample, new SplittableRandom(seed))}. */
    default Sample apply(Sample sample, long seed) {
        return apply(sample, new SplittableRandom(seed));
    }

    /**
     * For deterministic transforms: applies with a generator that must not be used.
     *
     * @throws IllegalStateException if the transform is random
     */
    default Sample apply(Sample sample) {
        return apply(sample, UnusableRandom.INSTANCE);
    }

    /** This transform, then {@code next}. */
    default Transform then(Transform next) {
        return Compose.of(this, next);
    }
}
