package org.medino.eval;

import java.util.Arrays;
import org.medino.MedinoException;

/**
 * Feature vectors with their labels: the input of every protocol.
 *
 * @param ids sample ids, one per row
 * @param x features, row-major [n, d]
 * @param n rows
 * @param d feature width
 * @param labels single-label class per row (length n), or null for multi-label data
 * @param multiHot multi-label 0/1 per row and class, row-major [n, classes], or null for single-label data
 * @param classNames class (or finding) names; their count is the number of classes
 * @param patientIds patient per row for patient-level bootstrap and few-shot draws, or null
 */
public record LabeledFeatures(
        String[] ids, float[] x, int n, int d, int[] labels, byte[] multiHot, String[] classNames, String[] patientIds) {

    public LabeledFeatures {
        if (x.length != (long) n * d || ids.length != n) {
            throw new IllegalArgumentException("features [" + n + ", " + d + "] need " + (long) n * d + " values and " + n + " ids");
        }
        checkLabels(n, labels, multiHot, classNames.length);
    }

    /** Exactly one kind of label, sized for {@code n} rows and {@code classes} classes, every index in range. */
    static void checkLabels(int n, int[] labels, byte[] multiHot, int classes) {
        if ((labels == null) == (multiHot == null)) {
            throw new IllegalArgumentException("give either single labels or multi-hot labels");
        }
        if (labels != null && labels.length != n || multiHot != null && multiHot.length != (long) n * classes) {
            throw new IllegalArgumentException("labels do not match " + n + " rows and " + classes + " classes");
        }
        if (labels != null) {
            for (int label : labels) {
                if (label < 0 || label >= classes) {
                    throw new MedinoException("label " + label + " is not one of the " + classes + " classes");
                }
            }
        }
    }

    public int numClasses() {
        return classNames.length;
    }

    public Task task() {
        return multiHot != null ? Task.MULTILABEL : Task.singleLabel(numClasses());
    }

    /** Feature row i (a copy). */
    public float[] row(int i) {
        return Arrays.copyOfRange(x, i * d, (i + 1) * d);
    }

    /** The rows {@code rows}, in that order. */
    public LabeledFeatures select(int[] rows) {
        String[] sid = new String[rows.length];
        float[] sx = new float[rows.length * d];
        int[] sl = labels == null ? null : new int[rows.length];
        byte[] sm = multiHot == null ? null : new byte[rows.length * numClasses()];
        String[] sp = patientIds == null ? null : new String[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            sid[k] = ids[i];
            System.arraycopy(x, i * d, sx, k * d, d);
            if (sl != null) sl[k] = labels[i];
            if (sm != null) System.arraycopy(multiHot, i * numClasses(), sm, k * numClasses(), numClasses());
            if (sp != null) sp[k] = patientIds[i];
        }
        return new LabeledFeatures(sid, sx, rows.length, d, sl, sm, classNames, sp);
    }

    /** These rows followed by {@code other}'s (same width and classes), e.g. train + val. */
    public LabeledFeatures concat(LabeledFeatures other) {
        if (other.d != d || !Arrays.equals(other.classNames, classNames) || (other.labels == null) != (labels == null)) {
            throw new MedinoException("cannot join feature sets of different width, classes or label kind");
        }
        int total = n + other.n;
        int k = numClasses();
        String[] cid = RowConcat.of(ids, n, other.ids, other.n);
        float[] cx = RowConcat.of(x, n * d, other.x, other.n * d);
        int[] cl = labels != null ? RowConcat.of(labels, n, other.labels, other.n) : null;
        byte[] cm = labels == null ? RowConcat.of(multiHot, n * k, other.multiHot, other.n * k) : null;
        String[] cp = patientIds != null && other.patientIds != null
                ? RowConcat.of(patientIds, n, other.patientIds, other.n) : null;
        return new LabeledFeatures(cid, cx, total, d, cl, cm, classNames, cp);
    }
}
