package org.medino.metrics;

import java.util.ArrayList;
import java.util.List;
import org.medino.eval.Predictions;
import org.medino.eval.Task;

/**
 * Metrics of binary and multi-class tasks: the predicted class is the argmax of the scores;
 * AUROC uses the scores themselves (class 1's score for binary, one-vs-rest macro for
 * multi-class, as {@code roc_auc_score(multi_class='ovr', average='macro')}).
 */
final class SingleLabelSuite implements MetricSuite {
    private final int[] truth;
    private final int[] predicted;
    private final int classes;
    private final AurocColumns auroc;
    /** Per-row top-5 hit, or null when top-5 accuracy does not apply. */
    private final boolean[] top5;
    private final List<String> names = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    SingleLabelSuite(Truth t, Predictions p, Task task, List<String> classNames) {
        this.truth = t.labels();
        this.classes = p.classes();
        this.predicted = Decisions.argmax(p);
        int[] ranked = task == Task.BINARY ? new int[] {1} : range(classes);
        this.auroc = new AurocColumns(p, t, ranked, classNames);
        this.top5 = task == Task.MULTICLASS && classes >= MetricKeys.TOP5_MIN_CLASSES ? TopK.hits(p, truth, 5) : null;

        add(MetricKeys.ACCURACY, "");
        add(MetricKeys.BALANCED_ACCURACY, "");
        add(MetricKeys.MACRO_F1, "");
        String aurocNote = task == Task.BINARY
                ? (auroc.kept(1) ? "" : "undefined: the truth has only one class")
                : auroc.macroNote("class");
        add(MetricKeys.AUROC, aurocNote);
        add(MetricKeys.MCC, "");
        if (top5 != null) {
            add(MetricKeys.TOP5_ACCURACY, "");
        }
    }

    private void add(String name, String note) {
        names.add(name);
        notes.add(note);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
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
        ConfusionMatrix m = new ConfusionMatrix(classes);
        m.fill(truth, predicted, weights);
        out[0] = ConfusionMetrics.accuracy(m);
        out[1] = ConfusionMetrics.balancedAccuracy(m);
        out[2] = ConfusionMetrics.macroF1(m);
        // binary tasks rank only class 1, so the "macro" over the kept columns is its AUROC
        out[3] = auroc.macro(weights);
        out[4] = ConfusionMetrics.mcc(m);
        if (top5 != null) {
            out[5] = weightedMean(top5, weights);
        }
    }

    static double weightedMean(boolean[] hit, int[] weights) {
        long total = 0;
        long hits = 0;
        for (int i = 0; i < hit.length; i++) {
            long w = weights == null ? 1 : weights[i];
            total += w;
            if (hit[i]) {
                hits += w;
            }
        }
        return total == 0 ? Double.NaN : (double) hits / total;
    }
}
