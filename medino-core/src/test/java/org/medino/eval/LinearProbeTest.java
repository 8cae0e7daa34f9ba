package org.medino.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** End-to-end sanity of the DINOv2 linear probe on easy synthetic features. */
class LinearProbeTest {
    /** Features whose CLS tokens and patch mean sit around a class centre: linearly separable. */
    static ProbeFeatures separable(int n, int classes, int d, long seed, String prefix) {
        Random random = new Random(seed);
        Random centres = new Random(42);
        float[][] centre = new float[classes][d];
        for (float[] c : centre) for (int j = 0; j < d; j++) c[j] = (float) (3 * centres.nextGaussian());
        float[] cls = new float[n * 4 * d];
        float[] patch = new float[n * d];
        int[] labels = new int[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
            ids[i] = prefix + i;
            for (int b = 0; b < 4; b++) {
                for (int j = 0; j < d; j++) cls[(i * 4 + b) * d + j] = centre[labels[i]][j] + (float) (0.5 * random.nextGaussian());
            }
            for (int j = 0; j < d; j++) patch[i * d + j] = centre[labels[i]][j] + (float) (0.5 * random.nextGaussian());
        }
        return new ProbeFeatures(ids, cls, patch, n, 4, d, labels, null, Fixture.names(classes), null);
    }

    @Test
    void reachesFullAccuracyOnSeparableData() {
        ProbeFeatures train = separable(600, 3, 16, 1, "tr");
        ProbeFeatures val = separable(120, 3, 16, 2, "va");
        ProbeFeatures test = separable(200, 3, 16, 3, "te");
        LinearProbeOptions options = new LinearProbeOptions(0, List.of(1, 4), List.of(false, true), LinearProbeOptions.DINOV2_LEARNING_RATES, 5, 0, 32, 0.1);
        LinearProbeResult r = LinearProbe.run(train, val, test, Scorers.accuracy(val.ids(), val.labels()), options);

        assertThat(r.validation()).hasSize(2 * 2 * 13);
        assertThat(r.validation().get(0).setting()).isEqualTo(new ProbeSetting(1, false, 1e-5, 1e-5 * 32 / 256));
        assertThat(Scorers.accuracy(test.ids(), test.labels()).apply(r.test())).isGreaterThanOrEqualTo(0.99);
        assertThat(r.test().classes()).isEqualTo(3);
        assertThat(r.finalIterations()).isEqualTo(5 * (720 / 32));
        // scores are probabilities
        for (int i = 0; i < r.test().n(); i++) {
            double sum = 0;
            for (int c = 0; c < 3; c++) sum += r.test().score(i, c);
            assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    @Test
    void holdsOutPartOfTrainWithoutValidationSplitAndIsReproducible() {
        ProbeFeatures train = separable(300, 2, 8, 4, "tr");
        ProbeFeatures test = separable(100, 2, 8, 5, "te");
        LinearProbeOptions options = new LinearProbeOptions(7, List.of(1, 4), List.of(false, true), new double[] {1e-3, 1e-2, 0.1}, 3, 0, 16, 0.1);
        var scorer = Scorers.meanAuroc(train.ids(), train.labels(), null);
        LinearProbeResult a = LinearProbe.run(train, null, test, scorer, options);
        LinearProbeResult b = LinearProbe.run(train, null, test, scorer, options);
        assertThat(a.test().scores()).containsExactly(b.test().scores());
        assertThat(a.best()).isEqualTo(b.best());
        assertThat(a.gridIterations()).isEqualTo(3 * (270 / 16));
        assertThat(a.finalIterations()).isEqualTo(3 * (300 / 16));
        assertThat(Scorers.meanAuroc(test.ids(), test.labels(), null).apply(a.test())).isGreaterThan(0.99);
    }

    @Test
    void multiLabelHeadsUseSigmoidScores() {
        ProbeFeatures base = separable(400, 3, 8, 6, "tr");
        byte[] multiHot = new byte[400 * 3];
        for (int i = 0; i < 400; i++) {
            multiHot[i * 3 + base.labels()[i]] = 1;
            if (base.labels()[i] == 0) multiHot[i * 3 + 2] = 1; // finding 2 present for classes 0 and 2
        }
        ProbeFeatures train = new ProbeFeatures(base.ids(), base.clsPerBlock(), base.patchMean(), 400, 4, 8, null, multiHot, Fixture.names(3), null);
        LinearProbeOptions options = new LinearProbeOptions(0, List.of(4), List.of(false, true), new double[] {0.1, 1.0}, 5, 0, 32, 0.1);
        LinearProbeResult r = LinearProbe.run(train, null, train.select(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}),
                Scorers.meanAuroc(train.ids(), null, multiHot), options);
        assertThat(r.validation()).hasSize(4);
        for (int i = 0; i < 10; i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(r.test().score(i, c) > 0.5).isEqualTo(multiHot[i * 3 + c] == 1);
            }
        }
    }
}
