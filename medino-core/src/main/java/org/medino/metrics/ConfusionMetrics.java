package org.medino.metrics;

/**
 * The metrics that depend only on the confusion matrix, with scikit-learn's definitions. Each
 * returns NaN when it is undefined for the sample (only possible for an empty sample here).
 */
final class ConfusionMetrics {
    private ConfusionMetrics() {}

    /** Fraction of correct predictions ({@code accuracy_score}). */
    static double accuracy(ConfusionMatrix m) {
        return m.total == 0 ? Double.NaN : (double) m.correct / m.total;
    }

    /**
     * Mean recall over the classes that occur in the truth ({@code balanced_accuracy_score}):
     * a class that is only predicted has no recall and is left out, as scikit-learn does (with a
     * warning there).
     */
    static double balancedAccuracy(ConfusionMatrix m) {
        double sum = 0;
        int present = 0;
        for (int k = 0; k < m.classes; k++) {
            if (m.trueTotals[k] > 0) {
                sum += (double) m.at(k, k) / m.trueTotals[k];
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /**
     * Unweighted mean of per-class F1 ({@code f1_score(average='macro', zero_division=0)}) over
     * the classes that occur in the truth or in the predictions — scikit-learn's default label
     * set. A class that occurs in neither has no F1 at all and does not count; a class with
     * true positives = 0 has F1 = 0. F1 is written 2·TP / (2·TP + FP + FN), which equals
     * 2PR / (P + R) whenever TP &gt; 0.
     */
    static double macroF1(ConfusionMatrix m) {
        double sum = 0;
        int present = 0;
        for (int k = 0; k < m.classes; k++) {
            long tp = m.at(k, k);
            long fn = m.trueTotals[k] - tp;
            long fp = m.predTotals[k] - tp;
            if (tp + fn + fp == 0) {
                continue;
            }
            present++;
            sum += f1(tp, fp, fn);
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /** F1 with zero_division = 0. */
    static double f1(long tp, long fp, long fn) {
        long denominator = 2 * tp + fp + fn;
        return denominator == 0 ? 0.0 : 2.0 * tp / denominator;
    }

    /**
     * Matthews correlation coefficient, Gorodkin's R_K for K classes (for two classes it is the
     * usual binary MCC), as {@code matthews_corrcoef}: covariances from the class totals, and 0
     * (not NaN) when either side is constant, because scikit-learn returns 0 there.
     */
    static double mcc(ConfusionMatrix m) {
        if (m.total == 0) {
            return Double.NaN;
        }
        long n = m.total;
        long dotTruePred = 0;
        long dotPredPred = 0;
        long dotTrueTrue = 0;
        for (int k = 0; k < m.classes; k++) {
            dotTruePred += m.trueTotals[k] * m.predTotals[k];
            dotPredPred += m.predTotals[k] * m.predTotals[k];
            dotTrueTrue += m.trueTotals[k] * m.trueTotals[k];
        }
        double covTruePred = (double) m.correct * n - dotTruePred;
        double covPredPred = (double) n * n - dotPredPred;
        double covTrueTrue = (double) n * n - dotTrueTrue;
        if (covPredPred == 0 || covTrueTrue == 0) {
            return 0.0;
        }
        return covTruePred / Math.sqrt(covTrueTrue * covPredPred);
    }

    /** Binary MCC from a 2×2 table, with the same conventions as {@link #mcc(ConfusionMatrix)}. */
    static double binaryMcc(long tp, long fp, long fn, long tn) {
        long n = tp + fp + fn + tn;
        if (n == 0) {
            return Double.NaN;
        }
        long truePos = tp + fn;
        long trueNeg = fp + tn;
        long predPos = tp + fp;
        long predNeg = fn + tn;
        double covTruePred = (double) (tp + tn) * n - ((double) truePos * predPos + (double) trueNeg * predNeg);
        double covPredPred = (double) n * n - ((double) predPos * predPos + (double) predNeg * predNeg);
        double covTrueTrue = (double) n * n - ((double) truePos * truePos + (double) trueNeg * trueNeg);
        if (covPredPred == 0 || covTrueTrue == 0) {
            return 0.0;
        }
        return covTruePred / Math.sqrt(covTrueTrue * covPredPred);
    }
}
