package org.medino.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Minimal validation scorers (top-1 accuracy, mean AUROC) that look the truth up by sample id.
 * They let the protocols run on their own (tests, benches); the metrics module supplies the real
 * ones through the same {@code Function<Predictions, Double>} hook.
 */
public final class Scorers {
    private Scorers() {}

    /** Top-1 accuracy against the single labels of {@code truth} (ties in scores go to the lower class). */
    public static Function<Predictions, Double> accuracy(String[] ids, int[] labels) {
        Map<String, Integer> row = index(ids);
        return p -> {
            int correct = 0;
            for (int i = 0; i < p.n(); i++) {
                int arg = 0;
                for (int c = 1; c < p.classes(); c++) if (p.score(i, c) > p.score(i, arg)) arg = c;
                if (arg == labels[row.get(p.ids()[i])]) correct++;
            }
            return (double) correct / p.n();
        };
    }

    /**
     * AUROC of the positive class (binary: class 1) or the mean over findings/classes
     * (multi-label: one-vs-rest per finding). Columns without both positives and negatives are
     * skipped; NaN if none is left.
     *
     * @param labels single labels (binary), or null
     * @param multiHot multi-label 0/1 [n, classes], or null
     */
    public static Function<Predictions, Double> meanAuroc(String[] ids, int[] labels, byte[] multiHot) {
        Map<String, Integer> row = index(ids);
        return p -> {
            boolean binary = labels != null && p.classes() == 2;
            int first = binary ? 1 : 0;
            double sum = 0;
            int used = 0;
            double[] s = new double[p.n()];
            boolean[] y = new boolean[p.n()];
            for (int c = first; c < p.classes(); c++) {
                for (int i = 0; i < p.n(); i++) {
                    int r = row.get(p.ids()[i]);
                    s[i] = p.score(i, c);
                    y[i] = labels != null ? labels[r] == c : multiHot[r * p.classes() + c] != 0;
                }
                double auc = auroc(s, y);
                if (!Double.isNaN(auc)) {
                    sum += auc;
                    used++;
                }
            }
            return used == 0 ? Double.NaN : sum / used;
        };
    }

    /** Mann–Whitney AUROC with ties counted one half. */
    static double auroc(double[] score, boolean[] positive) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPos = 0;
        long pos = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) j++;
            double midRank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (positive[order[t]]) {
                    rankSumPos += midRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) return Double.NaN;
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    private static Map<String, Integer> index(String[] ids) {
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < ids.length; i++) row.put(ids[i], i);
        return row;
    }
}
