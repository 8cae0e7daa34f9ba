package org.medino.transform;

import java.util.SplittableRandom;

/**
 * Marker generator handed to transforms applied without a seed: {@link RandomTransform} refuses
 * it, so forgetting the seed of a random transform fails loudly instead of drawing a hidden one.
 */
final class UnusableRandom {
    /** SplittableRandom is final, so the marker is one well-known instance compared by identity. */
    static final SplittableRandom INSTANCE = new SplittableRandom(0x5EEDL);

    private UnusableRandom() {}

    static void check(SplittableRandom r, Object who) {
        if (r == INSTANCE) {
            throw new IllegalStateException(who + " is random: call apply(sample, seed) or apply(sample, random)");
        }
    }
}
