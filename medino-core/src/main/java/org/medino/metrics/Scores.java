package org.medino.metrics;

import java.util.Map;
import org.medino.eval.Task;

/**
 * Everything {@link Scorer} measured, with what is needed to reproduce it.
 *
 * @param task the task the metrics were chosen for
 * @param metrics metric name → result, in report order (unmodifiable)
 * @param resamples bootstrap resamples drawn
 * @param seed the bootstrap seed
 * @param patientResampling whether whole patients were resampled (otherwise single rows)
 */
public record Scores(Task task, Map<String, MetricResult> metrics, int resamples, long seed, boolean patientResampling) {
    public MetricResult get(String metric) {
        MetricResult r = metrics.get(metric);
        if (r == null) {
            throw new IllegalArgumentException("no metric " + metric + " for " + task + "; have " + metrics.keySet());
        }
        return r;
    }
}
