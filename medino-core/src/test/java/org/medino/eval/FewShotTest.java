package org.medino.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medino.MedinoException;

class FewShotTest {

    /** 3 classes, interleaved: class 2 (rare) is rows 0-2, class 1 every row i with i % 7 < 2, class 0 the rest. */
    private static LabeledFeatures singleLabel() {
        int[] labels = new int[73];
        for (int i = 0; i < 73; i++) {
            labels[i] = i < 3 ? 2 : i % 7 < 2 ? 1 : 0;
        }
        return features(labels);
    }

    private static LabeledFeatures features(int[] labels) {
        String[] ids = new String[labels.length];
        Arrays.setAll(ids, i -> "img" + i);
        return new LabeledFeatures(ids, new float[labels.length], labels.length, 1, labels, null,
                new String[] {"common", "middle", "rare"}, null);
    }

    private static int[] classCounts(LabeledFeatures train, int[] rows) {
        int[] counts = new int[train.numClasses()];
        for (int r : rows) {
            counts[train.labels()[r]]++;
        }
        return counts;
    }

    @Test
    void takesExactlyNPerClassAndAllOfARareClass() {
        LabeledFeatures train = singleLabel();
        int[] total = classCounts(train, java.util.stream.IntStream.range(0, train.n()).toArray());
        assertThat(total[2]).isEqualTo(3);
        for (int n : FewShot.DEFAULT_SHOTS) {
            FewShotDraw draw = FewShot.draw(train, n, 0, 42);
            int[] expected = {Math.min(n, total[0]), Math.min(n, total[1]), Math.min(n, total[2])};
            assertThat(classCounts(train, draw.rows())).containsExactly(expected);
            assertThat(draw.counts()).containsExactly(expected);
            assertThat(draw.rows()).isSorted().doesNotHaveDuplicates();
            assertThat(draw.shortClasses()).isEqualTo(n > 3 ? List.of("rare") : List.of());
        }
    }

    @Test
    void isDeterministicPerSeedAndVariesAcrossDraws() {
        LabeledFeatures train = singleLabel();
        List<FewShotDraw> a = FewShot.draws(train, new int[] {1, 4}, 5, 7);
        List<FewShotDraw> b = FewShot.draws(train, new int[] {1, 4}, 5, 7);
        assertThat(a).hasSize(10);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).rows()).containsExactly(b.get(i).rows());
            assertThat(a.get(i).seed()).isEqualTo(7 + a.get(i).drawIndex());
        }
        assertThat(a.get(5).shots()).isEqualTo(4);
        assertThat(a.get(5).drawIndex()).isZero();
        Set<String> distinct = new HashSet<>();
        for (FewShotDraw d : a.subList(5, 10)) {
            distinct.add(Arrays.toString(d.rows()));
        }
        assertThat(distinct).hasSizeGreaterThan(1);
        // Draw t equals a single draw with seed + t.
        assertThat(FewShot.draw(train, 4, 3, 10).rows()).containsExactly(a.get(8).rows());
    }

    @Test
    void largerShotsContainSmallerOnesForTheSameSeed() {
        LabeledFeatures train = singleLabel();
        int[] previous = FewShot.draw(train, 1, 0, 3).rows();
        for (int n : FewShot.DEFAULT_SHOTS) {
            int[] rows = FewShot.draw(train, n, 0, 3).rows();
            assertThat(rows).contains(previous);
            previous = rows;
        }
    }

    /**
     * Multi-label: patients p0..p9 with 1-3 images each; findings A (common), B, C (one patient).
     * Image labels differ within a patient, so the patient's findings are the union.
     */
    private static LabeledFeatures multiLabel() {
        String[] patients = {"p0", "p0", "p1", "p2", "p2", "p2", "p3", "p4", "p5", "p5", "p6", "p7", "p8", "p9"};
        byte[][] y = {
            {1, 0, 0}, {0, 1, 0}, // p0: A, B
            {1, 0, 0}, // p1: A
            {0, 0, 0}, {0, 0, 1}, {1, 0, 0}, // p2: A, C
            {1, 0, 0}, // p3: A
            {0, 1, 0}, // p4: B
            {1, 1, 0}, {0, 0, 0}, // p5: A, B
            {1, 0, 0}, // p6: A
            {0, 0, 0}, // p7: none
            {1, 0, 0}, // p8: A
            {0, 1, 0}, // p9: B
        };
        byte[] multiHot = new byte[y.length * 3];
        for (int i = 0; i < y.length; i++) {
            System.arraycopy(y[i], 0, multiHot, i * 3, 3);
        }
        String[] ids = new String[y.length];
        Arrays.setAll(ids, i -> "img" + i);
        return new LabeledFeatures(ids, new float[y.length], y.length, 1, null, multiHot,
                new String[] {"A", "B", "C"}, patients);
    }

    @Test
    void multiLabelDrawsWholePatientsAndCountsEachFindingOfAPatient() {
        LabeledFeatures train = multiLabel();
        Map<String, Set<Integer>> imagesOf = new HashMap<>();
        for (int i = 0; i < train.n(); i++) {
            imagesOf.computeIfAbsent(train.patientIds()[i], p -> new HashSet<>()).add(i);
        }
        int[] positivePatients = {7, 4, 1};
        for (int n : new int[] {1, 2, 4, 8}) {
            for (int seed = 0; seed < 20; seed++) {
                FewShotDraw draw = FewShot.draw(train, n, 0, seed);
                Set<Integer> rows = new HashSet<>();
                for (int r : draw.rows()) {
                    rows.add(r);
                }
                Set<String> drawn = new HashSet<>();
                for (int r : draw.rows()) {
                    drawn.add(train.patientIds()[r]);
                }
                // Whole patients only; never the patient without findings.
                for (String p : drawn) {
                    assertThat(rows).containsAll(imagesOf.get(p));
                }
                assertThat(drawn).doesNotContain("p7");
                // Recount positives per finding over drawn patients.
                int[] recount = new int[3];
                for (String p : drawn) {
                    for (int l = 0; l < 3; l++) {
                        boolean positive = false;
                        for (int i : imagesOf.get(p)) {
                            positive |= train.multiHot()[i * 3 + l] != 0;
                        }
                        recount[l] += positive ? 1 : 0;
                    }
                }
                assertThat(draw.counts()).containsExactly(recount);
                for (int l = 0; l < 3; l++) {
                    assertThat(recount[l]).isGreaterThanOrEqualTo(Math.min(n, positivePatients[l]));
                }
                // The rare finding C is filled first: its only patient p2 is always drawn.
                assertThat(drawn).contains("p2");
                // Nobody is drawn beyond need: every drawn patient was needed by some finding,
                // so at most n patients per finding were drawn for it (3 findings).
                assertThat(drawn.size()).isLessThanOrEqualTo(3 * n);
            }
            FewShotDraw draw = FewShot.draw(train, n, 0, 1);
            List<String> expectedShort = new java.util.ArrayList<>();
            if (n > 7) expectedShort.add("A");
            if (n > 4) expectedShort.add("B");
            if (n > 1) expectedShort.add("C");
            assertThat(draw.shortClasses()).isEqualTo(expectedShort);
        }
        assertThat(FewShot.draw(train, 2, 0, 9).rows()).containsExactly(FewShot.draw(train, 2, 0, 9).rows());
    }

    @Test
    void oneShotWithACoOccurringPatientNeedsNoExtraDraw() {
        // n = 1: C forces p2 (positive for A and C), so A already has its one patient; only B
        // still draws. Hence exactly 2 patients, whatever the seed.
        LabeledFeatures train = multiLabel();
        for (int seed = 0; seed < 20; seed++) {
            FewShotDraw draw = FewShot.draw(train, 1, 0, seed);
            Set<String> drawn = new HashSet<>();
            for (int r : draw.rows()) {
                drawn.add(train.patientIds()[r]);
            }
            assertThat(drawn).hasSize(2).contains("p2");
        }
    }

    @Test
    void withoutPatientIdsEachImageIsAPatient() {
        LabeledFeatures withPatients = multiLabel();
        LabeledFeatures train = new LabeledFeatures(withPatients.ids(), withPatients.x(), withPatients.n(), 1, null,
                withPatients.multiHot(), withPatients.classNames(), null);
        FewShotDraw draw = FewShot.draw(train, 2, 0, 4);
        assertThat(Arrays.stream(draw.counts()).min().getAsInt()).isGreaterThanOrEqualTo(1);
        assertThat(draw.rows().length).isLessThanOrEqualTo(6);
    }

    @Test
    void rejectsNonPositiveCounts() {
        assertThatThrownBy(() -> FewShot.draw(singleLabel(), 0, 0, 1)).isInstanceOf(MedinoException.class);
        assertThatThrownBy(() -> FewShot.draws(singleLabel(), new int[] {1}, 0, 1)).isInstanceOf(MedinoException.class);
    }
}
