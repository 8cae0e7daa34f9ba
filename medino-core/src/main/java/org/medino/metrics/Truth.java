package org.medino.metrics;

import java.util.Arrays;

/**
 * The reference answers for n samples: either one class per sample (binary and multi-class
 * tasks) or a 0/1 vector per sample (multi-label tasks).
 *
 * <p>Exactly one of {@code labels} and {@code multiHot} is non-null. The arrays are kept as given
 * (not copied) because they can be large; callers must not change them afterwards.
 *
 * @param labels class index per sample, in [0, classes)
 * @param multiHot row-major [n, classes], 1 where the finding is present
 * @param classes number of classes (findings)
 */
public record Truth(int[] labels, byte[] multiHot, int classes) {
    public Truth {
        if ((labels == null) == (multiHot == null)) {
            throw new IllegalArgumentException("give either single labels or a multi-hot matrix");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("need at least one class, got " + classes);
        }
        if (labels != null) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || labels[i] >= classes) {
                    throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is not in [0, " + classes + ")");
                }
            }
        } else {
            if (multiHot.length % classes != 0) {
                throw new IllegalArgumentException(multiHot.length + " multi-hot values are not a multiple of " + classes + " classes");
            }
            for (int i = 0; i < multiHot.length; i++) {
                if (multiHot[i] != 0 && multiHot[i] != 1) {
                    throw new IllegalArgumentException("multi-hot value " + multiHot[i] + " at row " + i / classes + " is not 0 or 1");
                }
            }
        }
    }

    /** Single-label truth: one class index per sample. */
    public static Truth singleLabel(int[] labels, int classes) {
        return new Truth(labels, null, classes);
    }

    /** Multi-label truth from a row-major [n, classes] 0/1 matrix. */
    public static Truth multiLabel(byte[] multiHot, int classes) {
        return new Truth(null, multiHot, classes);
    }

    /** Multi-label truth from one 0/1 row per sample. */
    public static Truth multiLabel(int[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        int classes = rows[0].length;
        byte[] flat = new byte[rows.length * classes];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != classes) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has " + classes);
            }
            for (int c = 0; c < classes; c++) {
                int v = rows[i][c];
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException("multi-hot value " + v + " at row " + i + " is not 0 or 1");
                }
                flat[i * classes + c] = (byte) v;
            }
        }
        return new Truth(null, flat, classes);
    }

    public boolean isMultiLabel() {
        return multiHot != null;
    }

    public int n() {
        return labels != null ? labels.length : multiHot.length / classes;
    }

    /** Whether finding {@code cls} is present in row {@code row} (multi-label) or is its class (single-label). */
    public boolean positive(int row, int cls) {
        return labels != null ? labels[row] == cls : multiHot[row * classes + cls] == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Truth t && classes == t.classes && Arrays.equals(labels, t.labels) && Arrays.equals(multiHot, t.multiHot);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(labels) + Arrays.hashCode(multiHot)) + classes;
    }

    @Override
    public String toString() {
        return "Truth[n=" + n() + ", classes=" + classes + (isMultiLabel() ? ", multi-label]" : "]");
    }
}
