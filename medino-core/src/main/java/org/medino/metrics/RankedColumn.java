package org.medino.metrics;

import java.util.Arrays;

/**
 * One score column sorted once, for computing the ROC AUC of any weighted resample in a single
 * linear pass.
 *
 * <p>AUROC equals the Mann–Whitney statistic: the probability that a random positive scores
 * higher than a random negative, a tie counting one half. That is exactly what scikit-learn's
 * trapezoidal area gives, because tied scores form one diagonal step of the ROC curve. With
 * integer weights (multiplicities of a bootstrap resample) the statistic is
 *
 * <pre>  Σ_groups  w⁺(g) · (w⁻ below g  +  ½ w⁻(g))  /  (W⁺ · W⁻)</pre>
 *
 * over groups of tied scores in ascending order, so the sort is done once here and each resample
 * costs one pass — no re-sorting.
 */
final class RankedColumn {
    /** Row indices in ascending score order. */
    private final int[] order;
    /** Whether each row, in sorted order, is a positive. */
    private final boolean[] positiveSorted;
    /** Start of each tie group in {@link #order}, plus a final entry n. */
    private final int[] groupStarts;

    /**
     * @param scores the column's score for each row
     * @param positive whether each row is a positive for this column
     */
    RankedColumn(float[] scores, boolean[] positive) {
        int n = scores.length;
        // sort (score, row) pairs packed in a long: the float's bits are made order-preserving
        // as an int, so a primitive sort does the work without boxing
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) sortableBits(scores[i]) << 32) | i;
        }
        Arrays.sort(keys);
        order = new int[n];
        positiveSorted = new boolean[n];
        int[] starts = new int[n + 1];
        int groups = 0;
        for (int j = 0; j < n; j++) {
            int row = (int) keys[j];
            order[j] = row;
            positiveSorted[j] = positive[row];
            // == on floats, so that -0.0 and 0.0 form one group as they do in numpy
            if (j == 0 || scores[row] != scores[order[j - 1]]) {
                starts[groups++] = j;
            }
        }
        starts[groups] = n;
        groupStarts = Arrays.copyOf(starts, groups + 1);
    }

    /** Maps a float to an int whose signed order is the float's numeric order (NaN excluded). */
    private static int sortableBits(float f) {
        int bits = Float.floatToIntBits(f);
        return bits >= 0 ? bits : bits ^ 0x7fffffff;
    }

    /**
     * The AUROC of the sample where row i occurs {@code weights[i]} times ({@code null}: once
     * each), or NaN when the sample lacks positives or negatives.
     */
    double auroc(int[] weights) {
        long negativesBelow = 0;
        long positives = 0;
        // twice the Mann–Whitney count, so that the half for ties stays an exact integer
        long twiceU = 0;
        int groups = groupStarts.length - 1;
        for (int g = 0; g < groups; g++) {
            long pos = 0;
            long neg = 0;
            int end = groupStarts[g + 1];
            for (int j = groupStarts[g]; j < end; j++) {
                long w = weights == null ? 1 : weights[order[j]];
                if (positiveSorted[j]) {
                    pos += w;
                } else {
                    neg += w;
                }
            }
            twiceU += pos * (2 * negativesBelow + neg);
            negativesBelow += neg;
            positives += pos;
        }
        long negatives = negativesBelow;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return twiceU / (2.0 * positives * negatives);
    }
}
