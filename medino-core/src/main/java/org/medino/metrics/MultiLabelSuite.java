package org.medino.metrics;

import java.util.ArrayList;
import java.util.List;
import org.medino.eval.Predictions;

/**
 * Metrics of multi-label tasks. Each finding is decided independently (probability ≥ 0.5, see
 * {@link Decisions#MULTILABEL_THRESHOLD}).
 *
 * <ul>
 *   <li>{@code accuracy}: exact-match (subset) accuracy, what {@code accuracy_score} gives for
 *       multi-label input — a row counts only if every finding is right.
 *   <li>{@code macro_f1}: per-finding F1 averaged over all findings ({@code f1_score(average=
 *       'macro', zero_division=0)}); a finding never present and never predicted scores 0.
 *   <li>{@code auroc}: macro over the findings that have both label values in the truth, plus
 *       {@code auroc/<finding>} for each finding (NaN for the left-out ones).
 *   <li>{@code mcc}: scikit-learn has no multi-label MCC; this is the unweighted mean over
 *       findings of the binary {@code matthews_corrcoef} of each finding's column, which is 0 for
 *       a finding whose truth or prediction is constant.
 * </ul>
 */
final class MultiLabelSuite implements MetricSuite {
    private final byte[] truth;
    private final byte[] predicted;
    private final int classes;
    private final int n;
    /** Whether every finding of a row is decided right. */
    private final boolean[] exact;
    private final AurocColumns auroc;
    private final List<String> names = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    MultiLabelSuite(Truth t, Predictions p, List<String> findingNames) {
        this.truth = t.multiHot();
        this.classes = p.classes();
        this.n = p.n();
        this.predicted = Decisions.threshold(p);
        this.exact = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean all = true;
            for (int k = 0; k < classes && all; k++) {
                all = truth[i * classes + k] == predicted[i * classes + k];
            }
            exact[i] = all;
        }
        int[] everyColumn = new int[classes];
        for (int k = 0; k < classes; k++) {
            everyColumn[k] = k;
        }
        this.auroc = new AurocColumns(p, t, everyColumn, findingNames);

        add(MetricKeys.ACCURACY, "exact-match accuracy: a row counts only if all findings are right");
        add(MetricKeys.MACRO_F1, "");
        add(MetricKeys.AUROC, auroc.macroNote("finding"));
        add(MetricKeys.MCC, "mean over findings of the binary MCC");
        for (int k = 0; k < classes; k++) {
            add(MetricKeys.aurocOf(findingNames.get(k)), auroc.kept(k) ? "" : "undefined: only one label value in the truth");
        }
    }

    private void add(String name, String note) {
        names.add(name);
        notes.add(note);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public void evaluate(int[] weights, double[] out) {
        long[] tp = new long[classes];
        long[] fp = new long[classes];
        long[] fn = new long[classes];
        long total = 0;
        for (int i = 0; i < n; i++) {
            long w = weights == null ? 1 : weights[i];
            if (w == 0) {
                continue;
            }
            total += w;
            int base = i * classes;
            for (int k = 0; k < classes; k++) {
                byte t = truth[base + k];
                byte p = predicted[base + k];
                if (t == 1) {
                    if (p == 1) {
                        tp[k] += w;
                    } else {
                        fn[k] += w;
                    }
                } else if (p == 1) {
                    fp[k] += w;
                }
            }
        }
        out[0] = SingleLabelSuite.weightedMean(exact, weights);
        double f1 = 0;
        double mcc = 0;
        for (int k = 0; k < classes; k++) {
            f1 += ConfusionMetrics.f1(tp[k], fp[k], fn[k]);
            mcc += ConfusionMetrics.binaryMcc(tp[k], fp[k], fn[k], total - tp[k] - fp[k] - fn[k]);
        }
        out[1] = total == 0 ? Double.NaN : f1 / classes;
        out[2] = auroc.macro(weights);
        out[3] = total == 0 ? Double.NaN : mcc / classes;
        for (int k = 0; k < classes; k++) {
            out[4 + k] = auroc.auroc(k, weights);
        }
    }
}
