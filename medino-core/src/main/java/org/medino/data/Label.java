package org.medino.data;

import java.util.Arrays;

/**
 * The target of one sample: either one class index (single-label) or a 0/1 vector with one entry
 * per finding (multi-label). Indices refer to {@link Dataset#classNames()}.
 *
 * <p>A class rather than a record because the multi-hot vector is an array and must be compared
 * by value and never shared.
 */
public final class Label {
    private final int index;
    private final int[] hot;

    private Label(int index, int[] hot) {
        this.index = index;
        this.hot = hot;
    }

    /** A single-label target. */
    public static Label single(int index) {
        if (index < 0) throw new IllegalArgumentException("negative class index " + index);
        return new Label(index, null);
    }

    /** A multi-label target; every entry must be 0 or 1. */
    public static Label multi(int... hot) {
        for (int v : hot) {
            if (v != 0 && v != 1) throw new IllegalArgumentException("multi-hot entries must be 0 or 1: " + Arrays.toString(hot));
        }
        return new Label(-1, hot.clone());
    }

    public boolean isMulti() {
        return hot != null;
    }

    /** The class index of a single-label target. */
    public int index() {
        if (hot != null) throw new IllegalStateException("a multi-label target has no single index");
        return index;
    }

    /** A copy of the multi-hot vector of a multi-label target. */
    public int[] hot() {
        if (hot == null) throw new IllegalStateException("a single-label target has no multi-hot vector");
        return hot.clone();
    }

    /**
     * A text key that is equal exactly when two labels are: the index, or the 0/1 pattern. Used to
     * group samples (stratification, reports) without caring which kind of label they carry.
     */
    public String key() {
        if (hot == null) return Integer.toString(index);
        StringBuilder b = new StringBuilder(hot.length);
        for (int v : hot) b.append(v);
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Label other && index == other.index && Arrays.equals(hot, other.hot);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(hot);
    }

    @Override
    public String toString() {
        return hot == null ? "class " + index : "findings " + Arrays.toString(hot);
    }
}
