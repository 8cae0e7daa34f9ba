package org.medino.metrics;

import java.util.ArrayList;
import java.util.List;
import org.medino.eval.Predictions;

/**
 * One-vs-rest AUROC for a set of columns, with the rule for columns that have no AUROC.
 *
 * <p>A column whose truth has only positives or only negatives has no ROC curve; scikit-learn
 * raises for it. Here such a column is left out of the macro average and named in the note.
 * The columns kept are decided once, on the full data, so every bootstrap resample measures the
 * same quantity: a resample in which a kept column loses all its positives (or negatives) has an
 * undefined macro AUROC and is skipped (and counted) rather than averaged over fewer columns.
 */
final class AurocColumns {
    private final RankedColumn[] columns;
    private final int[] kept;
    private final List<String> skippedNames;

    /**
     * @param p the scores
     * @param truth the truth; column k's positives are the rows where {@code truth.positive(row, k)}
     * @param columnsToRank which score columns to rank (binary tasks rank only class 1)
     * @param names display name per column index
     */
    AurocColumns(Predictions p, Truth truth, int[] columnsToRank, List<String> names) {
        int n = p.n();
        int c = p.classes();
        float[] s = p.scores();
        columns = new RankedColumn[c];
        List<Integer> keep = new ArrayList<>();
        skippedNames = new ArrayList<>();
        float[] column = new float[n];
        boolean[] positive = new boolean[n];
        for (int k : columnsToRank) {
            int positives = 0;
            for (int i = 0; i < n; i++) {
                column[i] = s[i * c + k];
                positive[i] = truth.positive(i, k);
                if (positive[i]) {
                    positives++;
                }
            }
            if (positives == 0 || positives == n) {
                skippedNames.add(names.get(k));
                continue;
            }
            columns[k] = new RankedColumn(column, positive);
            keep.add(k);
        }
        kept = keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether column k is kept (has both label values in the full data). */
    boolean kept(int k) {
        return columns[k] != null;
    }

    /** Column k's AUROC on the weighted sample; NaN when not kept or undefined there. */
    double auroc(int k, int[] weights) {
        return columns[k] == null ? Double.NaN : columns[k].auroc(weights);
    }

    /** Unweighted mean over the kept columns; NaN if none is kept or any is undefined here. */
    double macro(int[] weights) {
        if (kept.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k : kept) {
            double a = columns[k].auroc(weights);
            if (Double.isNaN(a)) {
                return Double.NaN;
            }
            sum += a;
        }
        return sum / kept.length;
    }

    private static String plural(String noun) {
        return noun.endsWith("s") ? noun + "es" : noun + "s";
    }

    /** The note for the macro AUROC: which columns were left out, if any. */
    String macroNote(String what) {
        if (skippedNames.isEmpty()) {
            return "";
        }
        if (kept.length == 0) {
            return "undefined: no " + what + " has both label values in the truth";
        }
        return "macro over " + kept.length + " " + plural(what) + "; left out (only one label value in the truth): " + String.join(", ", skippedNames);
    }
}
