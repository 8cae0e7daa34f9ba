package org.medino.eval;

/**
 * What a protocol predicts for a set of samples: a score per sample and class.
 *
 * @param ids sample ids, one per row
 * @param scores row-major [n, classes]: class probabilities for single-label tasks (rows sum to 1),
 *     independent per-finding probabilities for multi-label tasks
 * @param classes number of classes
 */
public record Predictions(String[] ids, float[] scores, int classes) {
    public Predictions {
        if (scores.length != (long) ids.length * classes) {
            throw new IllegalArgumentException(ids.length + " rows of " + classes + " scores need " + (long) ids.length * classes + " values");
        }
    }

    public int n() {
        return ids.length;
    }

    public float score(int row, int cls) {
        return scores[row * classes + cls];
    }
}
