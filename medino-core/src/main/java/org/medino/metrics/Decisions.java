package org.medino.metrics;

import org.medino.eval.Predictions;

/** Turns scores into hard decisions, the way the metrics that need them expect. */
public final class Decisions {
    private Decisions() {}

    /**
     * Multi-label decision threshold: a finding is predicted present when its probability is at
     * least this. Inclusive, so that a score of exactly 0.5 counts as "at least as likely as not".
     */
    public static final float MULTILABEL_THRESHOLD = 0.5f;

    /**
     * The predicted class of each row: the index of the largest score, the first one on ties
     * (numpy's argmax), so that results match a Python pipeline on the same scores.
     */
    public static int[] argmax(Predictions p) {
        int n = p.n();
        int c = p.classes();
        float[] s = p.scores();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int base = i * c;
            int best = 0;
            float max = s[base];
            for (int k = 1; k < c; k++) {
                if (s[base + k] > max) {
                    max = s[base + k];
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Row-major [n, classes] 0/1 decisions: score ≥ {@link #MULTILABEL_THRESHOLD}. */
    public static byte[] threshold(Predictions p) {
        float[] s = p.scores();
        byte[] out = new byte[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (byte) (s[i] >= MULTILABEL_THRESHOLD ? 1 : 0);
        }
        return out;
    }
}
