package org.medino.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The C sweep on a fixed split against a numpy loop over sklearn fits (make_expected.py). */
class LogRegProbeTest {
    private static final Fixture F = LogisticRegressionTest.F;

    @ParameterizedTest
    @ValueSource(strings = {"sweep_binary", "sweep_three"})
    void sweepSelectsTheSameCAsSklearn(String name) {
        LabeledFeatures all = LogisticRegressionTest.data(name);
        LabeledFeatures train = all.select(F.ints(name + ".train"));
        LabeledFeatures held = all.select(F.ints(name + ".held"));
        Function<Predictions, Double> scorer = all.numClasses() == 2
                ? Scorers.meanAuroc(all.ids(), all.labels(), null)
                : Scorers.accuracy(all.ids(), all.labels());
        LogRegOptions options = LogRegOptions.defaults();
        List<LogRegResult.CScore> sweep;
        try (NDManager manager = NDManager.newBaseManager()) {
            sweep = LogRegProbe.sweep(manager, train, held, scorer, options);
        }
        double[] expected = F.get(name + ".scores");
        assertThat(sweep).hasSize(45);
        for (int i = 0; i < expected.length; i++) {
            assertThat(sweep.get(i).c()).isCloseTo(LogRegOptions.dinov2Cs()[i], within(1e-12));
            assertThat(sweep.get(i).score()).as("score at C index %d", i).isCloseTo(expected[i], within(1e-9));
        }
        int best = F.ints(name + ".best")[0];
        assertThat(LogRegProbe.best(sweep)).isEqualTo(LogRegOptions.dinov2Cs()[best]);
    }

    @Test
    void separableDataIsPredictedPerfectly() {
        LabeledFeatures all = LogisticRegressionTest.data("separable");
        int[] trainRows = java.util.stream.IntStream.range(0, 45).toArray();
        int[] testRows = java.util.stream.IntStream.range(45, 60).toArray();
        LabeledFeatures train = all.select(trainRows);
        LabeledFeatures test = all.select(testRows);
        LogRegResult r = LogRegProbe.run(train, null, test, Scorers.accuracy(all.ids(), all.labels()), LogRegOptions.defaults());
        assertThat(Scorers.accuracy(all.ids(), all.labels()).apply(r.test())).isEqualTo(1.0);
        assertThat(r.sweep()).hasSize(45);
    }
}
