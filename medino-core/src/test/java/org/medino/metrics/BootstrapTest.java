package org.medino.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.medino.eval.Predictions;
import org.medino.eval.Task;

class BootstrapTest {
    @Test
    void sameSeedGivesTheSameIntervals() {
        SklearnCases.Case c = SklearnCases.load("multiclass10_random");
        Scores a = Scorer.score(c.truth(), c.predictions(), c.task(), null, 42);
        Scores b = Scorer.score(c.truth(), c.predictions(), c.task(), null, 42);
        Scores other = Scorer.score(c.truth(), c.predictions(), c.task(), null, 43);
        assertThat(a.metrics()).isEqualTo(b.metrics());
        assertThat(other.get(MetricKeys.AUROC).lower()).isNotEqualTo(a.get(MetricKeys.AUROC).lower());
        assertThat(a.resamples()).isEqualTo(Bootstrap.DEFAULT_RESAMPLES);
    }

    @Test
    void intervalContainsThePointEstimateOnTypicalData() {
        for (String name : List.of("binary_random", "binary_ties", "multiclass3_random", "multiclass10_random", "multilabel_random")) {
            SklearnCases.Case c = SklearnCases.load(name);
            Scores s = Scorer.score(c.truth(), c.predictions(), c.task(), null, 1);
            s.metrics().forEach((metric, r) -> {
                assertThat(r.validResamples()).as("%s %s", name, metric).isEqualTo(r.resamples());
                assertThat(r.value()).as("%s %s", name, metric).isBetween(r.lower(), r.upper());
                assertThat(r.upper() - r.lower()).as("%s %s", name, metric).isPositive();
            });
        }
    }

    @Test
    void patientResamplingWidensIntervalsWhenRowsOfAPatientAgree() {
        // 40 patients with 10 identical rows each (same label, same score): the rows carry the
        // information of 40 samples, not 400, and only patient resampling sees that
        int patients = 40;
        int perPatient = 10;
        Random random = new Random(5);
        int n = patients * perPatient;
        int[] labels = new int[n];
        float[] scores = new float[n * 2];
        String[] ids = new String[n];
        String[] patientIds = new String[n];
        for (int p = 0; p < patients; p++) {
            int label = p % 2;
            float s = (float) Math.min(1, Math.max(0, 0.5 + 0.25 * (label == 1 ? 1 : -1) + 0.3 * random.nextGaussian()));
            for (int r = 0; r < perPatient; r++) {
                int i = p * perPatient + r;
                labels[i] = label;
                scores[2 * i] = 1 - s;
                scores[2 * i + 1] = s;
                ids[i] = "p" + p + "_" + r;
                patientIds[i] = "p" + p;
            }
        }
        Truth truth = Truth.singleLabel(labels, 2);
        Predictions pred = new Predictions(ids, scores, 2);
        Scores rows = Scorer.score(truth, pred, Task.BINARY, null, 3);
        Scores byPatient = Scorer.score(truth, pred, Task.BINARY, patientIds, 3);
        assertThat(byPatient.patientResampling()).isTrue();
        assertThat(rows.patientResampling()).isFalse();
        for (String metric : List.of(MetricKeys.ACCURACY, MetricKeys.AUROC, MetricKeys.MCC)) {
            double rowWidth = rows.get(metric).upper() - rows.get(metric).lower();
            double patientWidth = byPatient.get(metric).upper() - byPatient.get(metric).lower();
            // about √10 wider in theory; ask for 2×
            assertThat(patientWidth).as(metric).isGreaterThan(2 * rowWidth);
            assertThat(byPatient.get(metric).value()).isEqualTo(rows.get(metric).value());
        }
    }

    @Test
    void patientResamplingMovesAllRowsOfAPatientTogether() {
        String[] patientIds = {"a", "b", "a", "c", "b", "a"};
        Bootstrap b = new Bootstrap(6, patientIds, 50, 9);
        for (long seed : b.resampleSeeds()) {
            int[] w = b.weights(seed);
            assertThat(w[0]).isEqualTo(w[2]).isEqualTo(w[5]);
            assertThat(w[1]).isEqualTo(w[4]);
            assertThat(w[0] + w[1] + w[3]).as("3 patients drawn").isEqualTo(3);
        }
    }

    @Test
    void intervalIsNumpysPercentileOfTheResampledValuesComputedByHand() {
        // 5 rows, 2 right: accuracy of a resample = Σ w·right / 5
        int[] labels = {0, 1, 1, 0, 1};
        float[] scores = {0.9f, 0.1f, 0.2f, 0.8f, 0.7f, 0.3f, 0.4f, 0.6f, 0.6f, 0.4f}; // predicted 0, 1, 0, 1, 0
        boolean[] right = {true, true, false, false, false};
        Truth truth = Truth.singleLabel(labels, 2);
        Predictions pred = new Predictions(new String[] {"a", "b", "c", "d", "e"}, scores, 2);
        int resamples = 9;
        Bootstrap bootstrap = new Bootstrap(5, null, resamples, 11);
        MetricSuite suite = new SingleLabelSuite(truth, pred, Task.BINARY, List.of("neg", "pos"));

        double[] byHand = new double[resamples];
        long[] seeds = bootstrap.resampleSeeds();
        for (int b = 0; b < resamples; b++) {
            int[] w = bootstrap.weights(seeds[b]);
            assertThat(Arrays.stream(w).sum()).isEqualTo(5);
            int hits = 0;
            for (int i = 0; i < 5; i++) {
                hits += right[i] ? w[i] : 0;
            }
            byHand[b] = hits / 5.0;
        }
        double[] fromBootstrap = bootstrap.resampleValues(suite)[0];
        assertThat(fromBootstrap).containsExactly(byHand);

        // numpy.percentile, linear: 9 values, virtual index 8·0.025 = 0.2 and 8·0.975 = 7.8
        double[] sorted = byHand.clone();
        Arrays.sort(sorted);
        double lower = sorted[0] + (sorted[1] - sorted[0]) * 0.2;
        double upper = sorted[8] - (sorted[8] - sorted[7]) * (1 - 0.8);
        MetricResult accuracy = bootstrap.run(suite)[0];
        assertThat(accuracy.value()).isEqualTo(0.4);
        assertThat(accuracy.lower()).isCloseTo(lower, within(1e-15));
        assertThat(accuracy.upper()).isCloseTo(upper, within(1e-15));
        assertThat(accuracy.validResamples()).isEqualTo(9);
    }

    @Test
    void resamplesWithoutAPositiveAreSkippedAndCounted() {
        // one positive in 8 rows: a resample misses it with probability (7/8)^8 ≈ 34 %
        int[] labels = {0, 0, 0, 0, 0, 0, 0, 1};
        float[] scores = new float[16];
        for (int i = 0; i < 8; i++) {
            scores[2 * i + 1] = i / 10f;
            scores[2 * i] = 1 - i / 10f;
        }
        String[] ids = {"a", "b", "c", "d", "e", "f", "g", "h"};
        Scores s = Scorer.score(Truth.singleLabel(labels, 2), new Predictions(ids, scores, 2), Task.BINARY, null, 4);
        MetricResult auroc = s.get(MetricKeys.AUROC);
        assertThat(auroc.value()).isEqualTo(1.0);
        assertThat(auroc.skippedResamples()).isBetween(250, 430);
        assertThat(auroc.validResamples() + auroc.skippedResamples()).isEqualTo(1000);
        assertThat(auroc.lower()).isEqualTo(1.0);
        assertThat(s.get(MetricKeys.ACCURACY).validResamples()).isEqualTo(1000);
    }

    @Test
    void undefinedMetricIsNaNWithANote() {
        SklearnCases.Case c = SklearnCases.load("binary_one_class");
        MetricResult auroc = Scorer.score(c.truth(), c.predictions(), c.task(), null, 1, 50, null).get(MetricKeys.AUROC);
        assertThat(auroc.defined()).isFalse();
        assertThat(auroc.validResamples()).isZero();
        assertThat(auroc.lower()).isNaN();
        assertThat(auroc.note()).contains("only one class");
    }
}
