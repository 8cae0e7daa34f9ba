package org.medino.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.medino.metrics.Scores;

/** Metric results as the results table shows them. */
public final class ScoresBridge {
    private ScoresBridge() {}

    public static Map<String, MetricInterval> intervals(Scores scores) {
        Map<String, MetricInterval> out = new LinkedHashMap<>();
        scores.metrics().forEach((name, m) -> out.put(name, new MetricInterval(m.value(), m.lower(), m.upper())));
        return out;
    }
}
