package org.medino.metrics;

import org.medino.eval.Predictions;

/** Which rows have their true class among the k highest scores. */
final class TopK {
    private TopK() {}

    /**
     * Per-row hit of {@code top_k_accuracy_score}, ties included as scikit-learn breaks them: it
     * ranks classes by a stable ascending sort, reversed, so among equal scores the class with
     * the higher index ranks first. The true class t is therefore in the top k exactly when
     * fewer than k classes score above it or tie with it at a higher index — a count per row,
     * no sort needed.
     */
    static boolean[] hits(Predictions p, int[] truth, int k) {
        int n = p.n();
        int c = p.classes();
        float[] s = p.scores();
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            int base = i * c;
            int t = truth[i];
            float own = s[base + t];
            int ahead = 0;
            for (int j = 0; j < c; j++) {
                float v = s[base + j];
                if (v > own || (v == own && j > t)) {
                    ahead++;
                }
            }
            out[i] = ahead < k;
        }
        return out;
    }
}
