package org.medino.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medino.eval.Predictions;
import org.medino.eval.Task;

/**
 * The front door: truth and predictions in, every metric that applies to the task out, each with
 * a 95 % bootstrap interval.
 *
 * <p>Metrics per task, in this order:
 *
 * <ul>
 *   <li>binary: accuracy, balanced_accuracy, macro_f1, auroc, mcc
 *   <li>multi-class: the same, plus top5_accuracy from 6 classes on
 *   <li>multi-label: accuracy (exact match), macro_f1, auroc, mcc (mean per finding), then
 *       auroc/&lt;finding&gt; for each finding
 * </ul>
 */
public final class Scorer {
    private Scorer() {}

    /** Scores with {@link Bootstrap#DEFAULT_RESAMPLES} resamples and classes named "0", "1", …. */
    public static Scores score(Truth truth, Predictions predictions, Task task, String[] patientIds, long seed) {
        return score(truth, predictions, task, patientIds, seed, Bootstrap.DEFAULT_RESAMPLES, null);
    }

    /**
     * @param truth reference answers, row i belonging to prediction row i
     * @param predictions scores (must be finite)
     * @param task binary and multi-class need single-label truth, multi-label needs multi-hot
     * @param patientIds patient id per row for patient-level resampling, or null for rows
     * @param seed bootstrap seed
     * @param resamples bootstrap resamples
     * @param classNames class (finding) names for notes and per-finding keys, or null for "0", "1", …
     */
    public static Scores score(Truth truth, Predictions predictions, Task task, String[] patientIds, long seed, int resamples, List<String> classNames) {
        check(truth, predictions, task);
        List<String> names = classNames != null ? List.copyOf(classNames) : defaultNames(predictions.classes());
        if (names.size() != predictions.classes()) {
            throw new IllegalArgumentException(names.size() + " class names for " + predictions.classes() + " classes");
        }
        MetricSuite suite = task == Task.MULTILABEL
                ? new MultiLabelSuite(truth, predictions, names)
                : new SingleLabelSuite(truth, predictions, task, names);
        Bootstrap bootstrap = new Bootstrap(predictions.n(), patientIds, resamples, seed);
        MetricResult[] results = bootstrap.run(suite);
        Map<String, MetricResult> out = new LinkedHashMap<>();
        for (int m = 0; m < results.length; m++) {
            out.put(suite.names().get(m), results[m]);
        }
        return new Scores(task, Collections.unmodifiableMap(out), resamples, seed, bootstrap.byPatient());
    }

    private static List<String> defaultNames(int classes) {
        List<String> names = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            names.add(Integer.toString(k));
        }
        return names;
    }

    /** Programming errors only: user files are checked (with line numbers) before they get here. */
    private static void check(Truth truth, Predictions p, Task task) {
        if (truth.n() != p.n()) {
            throw new IllegalArgumentException(truth.n() + " truth rows but " + p.n() + " prediction rows");
        }
        if (p.n() == 0) {
            throw new IllegalArgumentException("nothing to score: no rows");
        }
        if (truth.classes() != p.classes()) {
            throw new IllegalArgumentException("truth has " + truth.classes() + " classes, predictions " + p.classes());
        }
        switch (task) {
            case BINARY -> {
                if (truth.isMultiLabel() || p.classes() != 2) {
                    throw new IllegalArgumentException("binary task needs single labels of 2 classes, got " + truth);
                }
            }
            case MULTICLASS -> {
                if (truth.isMultiLabel() || p.classes() < 3) {
                    throw new IllegalArgumentException("multi-class task needs single labels of at least 3 classes, got " + truth);
                }
            }
            case MULTILABEL -> {
                if (!truth.isMultiLabel()) {
                    throw new IllegalArgumentException("multi-label task needs multi-hot truth, got " + truth);
                }
            }
        }
        float[] s = p.scores();
        for (int i = 0; i < s.length; i++) {
            if (!Float.isFinite(s[i])) {
                throw new IllegalArgumentException("score of row " + i / p.classes() + ", class " + i % p.classes() + " is " + s[i]);
            }
        }
    }
}
