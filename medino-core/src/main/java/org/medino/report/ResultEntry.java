package org.medino.report;

import java.util.Map;
import org.medino.eval.Predictions;

/**
 * One line of a results table: a protocol run with one setting.
 *
 * @param protocol "knn", "mlknn", "linear", "logreg" or "fewshot-knn", ...
 * @param setting the protocol's parameters, e.g. {@code {"k": 20}} or {@code {"shots": 4}}
 * @param metrics metric name → value with interval, in display order
 * @param predictions the test predictions behind the metrics (for plots), or null
 */
public record ResultEntry(String protocol, Map<String, Object> setting, Map<String, MetricInterval> metrics, Predictions predictions) {}
