package org.medino.metrics;

/**
 * A C×C confusion matrix (rows = true class, columns = predicted class) of a weighted sample.
 *
 * <p>Weights are integer multiplicities: a bootstrap resample is the original rows, each taken
 * {@code w[i]} times, so counting with weights gives exactly the matrix of the resampled data
 * without building it. Weight {@code null} means every row once.
 */
final class ConfusionMatrix {
    final int classes;
    final long[] counts;
    final long[] trueTotals;
    final long[] predTotals;
    long total;
    long correct;

    ConfusionMatrix(int classes) {
        this.classes = classes;
        this.counts = new long[classes * classes];
        this.trueTotals = new long[classes];
        this.predTotals = new long[classes];
    }

    /** Refills the matrix from true and predicted class indices; reusable across resamples. */
    void fill(int[] truth, int[] predicted, int[] weights) {
        java.util.Arrays.fill(counts, 0);
        int c = classes;
        if (weights == null) {
            for (int i = 0; i < truth.length; i++) {
                counts[truth[i] * c + predicted[i]]++;
            }
        } else {
            for (int i = 0; i < truth.length; i++) {
                int w = weights[i];
                if (w != 0) {
                    counts[truth[i] * c + predicted[i]] += w;
                }
            }
        }
        summarize();
    }

    private void summarize() {
        java.util.Arrays.fill(trueTotals, 0);
        java.util.Arrays.fill(predTotals, 0);
        total = 0;
        correct = 0;
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                long v = counts[t * classes + p];
                trueTotals[t] += v;
                predTotals[p] += v;
                total += v;
            }
            correct += counts[t * classes + t];
        }
    }

    long at(int trueClass, int predictedClass) {
        return counts[trueClass * classes + predictedClass];
    }
}
