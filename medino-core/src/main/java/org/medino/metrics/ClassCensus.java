package org.medino.metrics;

import java.util.Arrays;

/**
 * Per-class voxel counts and bounding boxes of a prediction and its truth, from a single pass
 * over both label maps.
 *
 * <p>Counting every class at once avoids one full-volume scan per class (a 512×512×200 volume is
 * 52 M voxels), and the bounding box of P ∪ T is all the surface distances need: edges and their
 * mutual distances lie inside it, and nothing outside it is foreground for either mask.
 */
final class ClassCensus {
    final int classes;
    final int rank;
    final long[] pred;
    final long[] truth;
    final long[] both;
    /** Inclusive bounds of P ∪ T per class: {@code lo[c * rank + axis]}; lo &gt; hi when empty. */
    final int[] lo;
    final int[] hi;

    private ClassCensus(int classes, int rank) {
        this.classes = classes;
        this.rank = rank;
        pred = new long[classes];
        truth = new long[classes];
        both = new long[classes];
        lo = new int[classes * rank];
        hi = new int[classes * rank];
        Arrays.fill(lo, Integer.MAX_VALUE);
        Arrays.fill(hi, Integer.MIN_VALUE);
    }

    static ClassCensus of(int[] p, int[] t, int[] shape, int classes) {
        int rank = shape.length;
        ClassCensus census = new ClassCensus(classes, rank);
        int columns = shape[rank - 1];
        int rows = p.length / columns;
        int[] coord = new int[rank]; // coordinates of the current row; the last one is unused
        long[] seenInRow = new long[classes];
        Arrays.fill(seenInRow, -1);
        for (int row = 0; row < rows; row++) {
            int base = row * columns;
            for (int x = 0; x < columns; x++) {
                int a = p[base + x];
                int b = t[base + x];
                if (a < 0 || a >= classes || b < 0 || b >= classes) {
                    throw new IllegalArgumentException("label " + (a < 0 || a >= classes ? a : b)
                            + " at index " + (base + x) + " is outside [0, " + classes + ")");
                }
                census.pred[a]++;
                census.truth[b]++;
                census.include(a, x, row, coord, seenInRow);
                if (a == b) {
                    census.both[a]++;
                } else {
                    census.include(b, x, row, coord, seenInRow);
                }
            }
            for (int axis = rank - 2; axis >= 0; axis--) { // odometer over the leading axes
                if (++coord[axis] < shape[axis]) {
                    break;
                }
                coord[axis] = 0;
            }
        }
        return census;
    }

    /** Grows the box of class c to hold column x of the current row. */
    private void include(int c, int x, long row, int[] coord, long[] seenInRow) {
        int at = c * rank;
        int last = at + rank - 1;
        if (x < lo[last]) {
            lo[last] = x;
        }
        if (x > hi[last]) {
            hi[last] = x;
        }
        // the leading coordinates only change between rows, so update them once per row
        if (seenInRow[c] != row) {
            seenInRow[c] = row;
            for (int axis = 0; axis < rank - 1; axis++) {
                lo[at + axis] = Math.min(lo[at + axis], coord[axis]);
                hi[at + axis] = Math.max(hi[at + axis], coord[axis]);
            }
        }
    }
}
