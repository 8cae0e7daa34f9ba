package org.medino.transform;

/**
 * Decides which 2D slices of a volume to keep. It sees the slice index and the already-cut 2D
 * sample, so filters can look at the labels of that slice.
 */
@FunctionalInterface
public interface SliceFilter {

    boolean keep(int index, Sample slice);

    /** Every slice. */
    static SliceFilter all() {
        return (i, s) -> true;
    }

    /** Slices 0, n, 2n, ... */
    static SliceFilter everyNth(int n) {
        if (n < 1) throw new IllegalArgumentException("n must be positive: " + n);
        return (i, s) -> i % n == 0;
    }

    /**
     * Slices where the label map {@code name} has any non-zero voxel. A sample without that label
     * map keeps no slice (nothing shows the label is there).
     */
    static SliceFilter containsLabel(String name) {
        return (i, s) -> s.get(name).map(t -> any(t, v -> v != 0)).orElse(false);
    }

    /** Slices where the label map {@code name} contains the value {@code label}; none when it is absent. */
    static SliceFilter containsLabel(String name, int label) {
        return (i, s) -> s.get(name).map(t -> any(t, v -> v == label)).orElse(false);
    }

    default SliceFilter and(SliceFilter other) {
        return (i, s) -> keep(i, s) && other.keep(i, s);
    }

    private static boolean any(TypedImage t, FloatPredicate p) {
        for (float v : t.data()) if (p.test(v)) return true;
        return false;
    }

    /** Primitive predicate, to avoid boxing every voxel. */
    interface FloatPredicate {
        boolean test(float v);
    }
}
