package org.medino.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every metric on every case, on the full data and on resamples given as multiplicities, against
 * values scikit-learn computed (make_expected.py). The resample checks show that counting with
 * weights gives what scikit-learn gives on the materialized resample.
 */
class MetricsAgainstSklearnTest {
    /** Sums of a few hundred terms in a different order: round-off only. */
    private static final double TOLERANCE = 1e-12;

    @Test
    void everyMetricMatchesSklearn() {
        Map<String, SklearnCases.Case> cases = SklearnCases.cases();
        Map<String, double[]> cache = new HashMap<>();
        Map<String, MetricSuite> suites = new HashMap<>();
        double maxDiff = 0;
        List<String> compared = new ArrayList<>();
        for (SklearnCases.Expected e : SklearnCases.expected()) {
            SklearnCases.Case c = cases.get(e.caseName());
            MetricSuite suite = suites.computeIfAbsent(e.caseName(), k -> SklearnCases.suite(c));
            double[] values = cache.computeIfAbsent(e.caseName() + "#" + e.weights(), k -> {
                double[] out = new double[suite.names().size()];
                suite.evaluate(e.weights() < 0 ? null : c.weights().get(e.weights()), out);
                return out;
            });
            int index = suite.names().indexOf(e.metric());
            assertThat(index).as("%s has metric %s", e.caseName(), e.metric()).isNotNegative();
            double actual = values[index];
            String what = e.caseName() + " weights " + e.weights() + " " + e.metric();
            if (Double.isNaN(e.value())) {
                assertThat(actual).as(what).isNaN();
            } else {
                assertThat(actual).as(what).isCloseTo(e.value(), within(TOLERANCE));
                maxDiff = Math.max(maxDiff, Math.abs(actual - e.value()));
            }
            compared.add(what);
        }
        // each suite reports exactly the metrics the generator computed, no more
        for (Map.Entry<String, MetricSuite> s : suites.entrySet()) {
            long expectedCount = SklearnCases.expected().stream().filter(x -> x.caseName().equals(s.getKey()) && x.weights() == -1).count();
            assertThat(s.getValue().names()).as(s.getKey()).hasSize((int) expectedCount);
        }
        System.out.printf("compared %d values with scikit-learn, max |difference| %.3g%n", compared.size(), maxDiff);
    }

    @Test
    void scorerPointValuesMatchSklearn() {
        Map<String, SklearnCases.Case> cases = SklearnCases.cases();
        for (SklearnCases.Expected e : SklearnCases.expected()) {
            if (e.weights() != -1) {
                continue;
            }
            SklearnCases.Case c = cases.get(e.caseName());
            Scores scores = Scorer.score(c.truth(), c.predictions(), c.task(), null, 1, 20, null);
            double actual = scores.get(e.metric()).value();
            if (Double.isNaN(e.value())) {
                assertThat(actual).as(e.caseName() + " " + e.metric()).isNaN();
            } else {
                assertThat(actual).as(e.caseName() + " " + e.metric()).isCloseTo(e.value(), within(TOLERANCE));
            }
        }
    }
}
