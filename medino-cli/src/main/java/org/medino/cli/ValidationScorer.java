package org.medino.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medino.eval.LabeledFeatures;
import org.medino.eval.Predictions;
import org.medino.eval.Task;
import org.medino.metrics.MetricResult;
import org.medino.metrics.Scorer;
import org.medino.metrics.Truth;

/**
 * How a protocol picks its best setting on validation rows: accuracy for multi-class tasks,
 * AUROC for binary and multi-label ones (the metrics the radiology benchmark reports first).
 * Rows are matched by id, so it works on a validation split and on a hold-out of train alike.
 */
final class ValidationScorer implements Function<Predictions, Double> {
    private final Map<String, Integer> rowOf = new HashMap<>();
    private final LabeledFeatures all;

    ValidationScorer(LabeledFeatures train, LabeledFeatures val) {
        this.all = val == null ? train : train.concat(val);
        for (int i = 0; i < all.n(); i++) rowOf.put(all.ids()[i], i);
    }

    static String metricFor(Task task) {
        return task == Task.MULTICLASS ? "accuracy" : "auroc";
    }

    @Override
    public Double apply(Predictions p) {
        if (p.n() == 0) {
            return 0.0; // a hold-out of a few-shot draw can be empty: every candidate ties, the first is kept
        }
        int[] rows = new int[p.n()];
        for (int i = 0; i < rows.length; i++) rows[i] = rowOf.get(p.ids()[i]);
        LabeledFeatures sub = all.select(rows);
        Truth truth = sub.labels() != null ? Truth.singleLabel(sub.labels(), sub.numClasses()) : Truth.multiLabel(sub.multiHot(), sub.numClasses());
        MetricResult m = Scorer.score(truth, p, sub.task(), null, 0, 1, List.of(sub.classNames())).get(metricFor(sub.task()));
        return m == null || !Double.isFinite(m.value()) ? Double.NEGATIVE_INFINITY : m.value();
    }
}
