package org.medino.transform;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Transforms applied in order. All of them draw from the one generator passed to
 * {@link #apply(Sample, SplittableRandom)}, in order, so the whole pipeline is reproducible from a
 * single seed.
 */
public final class Compose implements Transform {
    private final List<Transform> steps;

    private Compose(List<Transform> steps) {
        this.steps = List.copyOf(steps);
    }

    public static Compose of(Transform... steps) {
        return new Compose(List.of(steps));
    }

    public static Compose of(List<Transform> steps) {
        return new Compose(steps);
    }

    public List<Transform> steps() {
        return steps;
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        Sample s = sample;
        for (Transform t : steps) s = t.apply(s, random);
        return s;
    }

    @Override
    public String toString() {
        return "Compose" + steps;
    }
}
