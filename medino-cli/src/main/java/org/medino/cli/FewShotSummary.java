package org.medino.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medino.report.MetricInterval;

/** Mean ± sample standard deviation of each metric over few-shot draws. */
final class FewShotSummary {
    private FewShotSummary() {}

    static Map<String, MetricInterval> meanSd(List<Map<String, MetricInterval>> draws) {
        Map<String, MetricInterval> out = new LinkedHashMap<>();
        for (String metric : draws.get(0).keySet()) {
            double sum = 0;
            int n = 0;
            for (Map<String, MetricInterval> d : draws) {
                double v = d.get(metric).value();
                if (Double.isFinite(v)) {
                    sum += v;
                    n++;
                }
            }
            double mean = n == 0 ? Double.NaN : sum / n;
            double ss = 0;
            for (Map<String, MetricInterval> d : draws) {
                double v = d.get(metric).value();
                if (Double.isFinite(v)) ss += (v - mean) * (v - mean);
            }
            double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            out.put(metric, new MetricInterval(mean, mean - sd, mean + sd));
        }
        return out;
    }
}
