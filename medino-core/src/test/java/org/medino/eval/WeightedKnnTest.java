package org.medino.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.medino.MedinoException;

/** Compares with make_expected.py's step-by-step replay of dinov2/eval/knn.py in torch. */
class WeightedKnnTest {

    @ParameterizedTest
    @ValueSource(strings = {"knn_multiclass", "knn_binary_t05", "knn_clamped"})
    void matchesDinov2Reference(String name) {
        ReferenceCase ref = new ReferenceCase(name);
        LabeledFeatures train = ref.train();
        int[] ks = ref.ints("ks");
        List<KnnResult> results = WeightedKnn.predict(train, ref.test(false), ks, ref.real("temperature"));

        assertThat(results).extracting(KnnResult::k).containsExactly(box(ks));
        double worst = 0;
        for (KnnResult r : results) {
            assertThat(r.neighbours()).isEqualTo(Math.min(r.k(), train.n()));
            double[] expected = ref.f64("expected_k" + r.k());
            Predictions p = r.predictions();
            assertThat(p.classes()).isEqualTo(train.numClasses());
            assertThat(p.scores()).hasSize(expected.length);
            for (int i = 0; i < expected.length; i++) {
                assertThat((double) p.scores()[i]).as("%s k=%d entry %d", name, r.k(), i).isCloseTo(expected[i], within(1e-5));
                worst = Math.max(worst, Math.abs(p.scores()[i] - expected[i]));
            }
            for (int row = 0; row < p.n(); row++) {
                double sum = 0;
                for (int c = 0; c < p.classes(); c++) {
                    sum += p.score(row, c);
                }
                assertThat(sum).isCloseTo(1.0, within(1e-5));
            }
        }
        System.out.printf("WeightedKnn %s: max |diff| vs dinov2 reference = %.3g%n", name, worst);
    }

    @Test
    void normalizedScoresAreDinov2ScoresRescaledPerRow() {
        // DINOv2's raw scores for k < max k are a softmax over max k restricted to the first k:
        // the same vector times one factor per row, so class rankings are identical.
        ReferenceCase ref = new ReferenceCase("knn_multiclass");
        int classes = ref.integer("classes");
        double[] raw = ref.f64("dinov2raw_k10");
        double[] normalized = ref.f64("expected_k10");
        double[] rawMax = ref.f64("dinov2raw_k200");
        for (int row = 0; row < ref.integer("nTest"); row++) {
            double sum = 0;
            double sumMax = 0;
            for (int c = 0; c < classes; c++) {
                sum += raw[row * classes + c];
                sumMax += rawMax[row * classes + c];
            }
            assertThat(sumMax).isCloseTo(1.0, within(1e-5));
            assertThat(sum).isLessThanOrEqualTo(1.0 + 1e-6);
            for (int c = 0; c < classes; c++) {
                assertThat(raw[row * classes + c] / sum).isCloseTo(normalized[row * classes + c], within(1e-6)); // float32 in torch
            }
        }
    }

    @Test
    void handComputedVote() {
        // Train rows at angles 0, 0.3, 1.0 and 2.0 rad on the unit circle (lengths vary: only the
        // direction counts), labels 0, 1, 1, 0; one query at angle 0.1.
        float[] x = {
            2f, 0f,
            (float) Math.cos(0.3), (float) Math.sin(0.3),
            (float) (5 * Math.cos(1.0)), (float) (5 * Math.sin(1.0)),
            (float) Math.cos(2.0), (float) Math.sin(2.0)};
        String[] names = {"a", "b"};
        LabeledFeatures train = new LabeledFeatures(new String[] {"t0", "t1", "t2", "t3"}, x, 4, 2,
                new int[] {0, 1, 1, 0}, null, names, null);
        LabeledFeatures test = new LabeledFeatures(new String[] {"q"},
                new float[] {(float) Math.cos(0.1), (float) Math.sin(0.1)}, 1, 2, new int[] {0}, null, names, null);
        double t = 0.07;
        double w0 = Math.exp(Math.cos(0.1) / t);
        double w1 = Math.exp(Math.cos(0.2) / t);
        double w2 = Math.exp(Math.cos(0.9) / t);
        double w3 = Math.exp(Math.cos(1.9) / t);

        List<KnnResult> r = WeightedKnn.predict(train, test, new int[] {1, 2, 3, 9}, t);

        assertThat(r.get(0).predictions().scores()).containsExactly(1f, 0f);
        assertThat((double) r.get(1).predictions().score(0, 0)).isCloseTo(w0 / (w0 + w1), within(1e-6));
        assertThat((double) r.get(2).predictions().score(0, 1)).isCloseTo((w1 + w2) / (w0 + w1 + w2), within(1e-6));
        assertThat(r.get(3).neighbours()).isEqualTo(4);
        assertThat((double) r.get(3).predictions().score(0, 0)).isCloseTo((w0 + w3) / (w0 + w1 + w2 + w3), within(1e-6));
        assertThat(r.get(3).predictions().ids()).containsExactly("q");
    }

    @Test
    void defaultsAreDinov2s() {
        assertThat(WeightedKnn.DEFAULT_KS).containsExactly(10, 20, 100, 200);
        assertThat(WeightedKnn.DEFAULT_TEMPERATURE).isEqualTo(0.07);
        ReferenceCase ref = new ReferenceCase("knn_multiclass");
        assertThat(WeightedKnn.predict(ref.train(), ref.test(false))).extracting(KnnResult::k).containsExactly(10, 20, 100, 200);
    }

    @Test
    void rejectsMultiLabelTrainAndBadOptions() {
        LabeledFeatures multi = new LabeledFeatures(new String[] {"a"}, new float[] {1, 0}, 1, 2, null,
                new byte[] {1}, new String[] {"f"}, null);
        assertThatThrownBy(() -> WeightedKnn.predict(multi, multi)).isInstanceOf(MedinoException.class);
        ReferenceCase ref = new ReferenceCase("knn_clamped");
        assertThatThrownBy(() -> WeightedKnn.predict(ref.train(), ref.test(false), new int[] {0}, 0.07))
                .isInstanceOf(MedinoException.class);
        assertThatThrownBy(() -> WeightedKnn.predict(ref.train(), ref.test(false), new int[] {5}, 0))
                .isInstanceOf(MedinoException.class);
    }

    private static Integer[] box(int[] a) {
        return java.util.Arrays.stream(a).boxed().toArray(Integer[]::new);
    }
}
