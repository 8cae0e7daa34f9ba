package org.medino.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medino.MedinoException;

/** Compares with make_expected.py's float64 numpy implementation of Zhang & Zhou (2007). */
class MlKnnTest {

    @ParameterizedTest
    @ValueSource(strings = {"mlknn_basic", "mlknn_s05", "mlknn_clamped"})
    void posteriorsMatchReference(String name) {
        ReferenceCase ref = new ReferenceCase(name);
        LabeledFeatures train = ref.train();
        int[] ks = ref.ints("ks");
        int[] used = ref.ints("used");
        List<KnnResult> results = MlKnn.predict(train, ref.test(true), ks, ref.real("smoothing"));

        double worst = 0;
        for (int i = 0; i < ks.length; i++) {
            KnnResult r = results.get(i);
            assertThat(r.k()).isEqualTo(ks[i]);
            assertThat(r.neighbours()).isEqualTo(used[i]);
            double[] expected = ref.f64("expected_k" + ks[i]);
            float[] got = r.predictions().scores();
            assertThat(got).hasSize(expected.length);
            for (int j = 0; j < expected.length; j++) {
                assertThat((double) got[j]).as("%s k=%d entry %d", name, ks[i], j).isCloseTo(expected[j], within(1e-5));
                worst = Math.max(worst, Math.abs(got[j] - expected[j]));
            }
        }
        System.out.printf("MlKnn %s: max |diff| vs numpy reference = %.3g%n", name, worst);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlknn_basic", "mlknn_s05", "mlknn_clamped"})
    void trainingStatisticsMatchReference(String name) {
        ReferenceCase ref = new ReferenceCase(name);
        int[] ks = ref.ints("ks");
        int[] used = ref.ints("used");
        for (int i = 0; i < ks.length; i++) {
            MlKnnModel model = MlKnn.fit(ref.train(), ks[i], ref.real("smoothing"));
            assertThat(model.k()).isEqualTo(used[i]);
            // Counts are exact integers: only double rounding separates the two.
            assertThat(model.priorTrue()).containsExactly(ref.f64("prior_k" + ks[i]), within(1e-12));
            assertThat(model.condTrue()).containsExactly(ref.f64("condtrue_k" + ks[i]), within(1e-12));
            assertThat(model.condFalse()).containsExactly(ref.f64("condfalse_k" + ks[i]), within(1e-12));
        }
    }

    @Test
    void excludesTheRowItselfButNotItsDuplicate() {
        // Rows 0 and 1 are the same vector; row 2 points elsewhere. With k = 1 row 0's only
        // neighbour must be its duplicate (row 1), never itself.
        float[] x = {1, 0, 1, 0, 0, 1};
        byte[] y = {1, 1, 0};
        LabeledFeatures train = new LabeledFeatures(new String[] {"a", "b", "c"}, x, 3, 2, null, y,
                new String[] {"f"}, null);
        MlKnnModel model = MlKnn.fit(train, 1, 1.0);
        // Rows a, b (positive) each see one positive neighbour; c (negative) sees one positive
        // neighbour too (a and b are equally far, both positive).
        // c[1] = 2, c[0] = 0; cn[1] = 1, cn[0] = 0; prior = (1 + 2) / (2 + 3).
        assertThat(model.priorTrue()[0]).isCloseTo(0.6, within(1e-12));
        assertThat(model.condTrue()).containsExactly(new double[] {1.0 / 4, 3.0 / 4}, within(1e-12));
        assertThat(model.condFalse()).containsExactly(new double[] {1.0 / 3, 2.0 / 3}, within(1e-12));
        double yes = 0.6 * 0.75;
        double no = 0.4 * (2.0 / 3);
        assertThat(model.posterior(0, 1)).isCloseTo(yes / (yes + no), within(1e-12));
    }

    @Test
    void defaultIsKTenAndRejectsSingleLabelData() {
        ReferenceCase ref = new ReferenceCase("mlknn_basic");
        Predictions p = MlKnn.predict(ref.train(), ref.test(true));
        assertThat(p.scores()).containsExactly(toFloat(ref.f64("expected_k10")), within(1e-5f));
        LabeledFeatures single = new LabeledFeatures(new String[] {"a", "b"}, new float[] {1, 0, 0, 1}, 2, 2,
                new int[] {0, 1}, null, new String[] {"x", "y"}, null);
        assertThatThrownBy(() -> MlKnn.predict(single, single)).isInstanceOf(MedinoException.class);
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
