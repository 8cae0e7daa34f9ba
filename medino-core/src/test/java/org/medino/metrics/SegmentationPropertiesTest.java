package org.medino.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants on random 3D label maps: symmetry, identity, and independence from the crop. */
class SegmentationPropertiesTest {

    private static int[] random(Random r, int n, int classes, double fill) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() < fill ? 1 + r.nextInt(classes - 1) : 0;
        }
        return a;
    }

    @Property(tries = 60)
    void swappingPredictionAndTruthChangesNothingButPresence(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 7) int d0, @ForAll @IntRange(min = 1, max = 9) int d1,
            @ForAll @DoubleRange(min = 0.2, max = 3) double s0) {
        Random r = new Random(seed);
        int[] shape = {d0, d1, 8};
        double[] spacing = {s0, 0.8, 1.1};
        int n = d0 * d1 * 8;
        LabelGrid a = new LabelGrid(random(r, n, 4, 0.4), shape, spacing);
        LabelGrid b = new LabelGrid(random(r, n, 4, 0.4), shape, spacing);
        CaseScores ab = SegmentationMetrics.score(a, b, 4, true);
        CaseScores ba = SegmentationMetrics.score(b, a, 4, true);
        for (int i = 0; i < ab.classes().size(); i++) {
            ClassScore x = ab.classes().get(i);
            ClassScore y = ba.classes().get(i);
            assertThat(y.label()).isEqualTo(x.label());
            assertThat(y.predPresent()).isEqualTo(x.truthPresent());
            assertThat(y.truthPresent()).isEqualTo(x.predPresent());
            assertThat(y.distanceCapped()).isEqualTo(x.distanceCapped());
            if (x.excluded()) {
                assertThat(y.excluded()).isTrue();
                continue;
            }
            assertThat(y.dice()).isEqualTo(x.dice());
            assertThat(y.iou()).isEqualTo(x.iou());
            assertThat(y.hd95()).isEqualTo(x.hd95());
            // the same distances summed in another order
            assertThat(y.assd()).isCloseTo(x.assd(), within(1e-12 * Math.max(1, x.assd())));
        }
    }

    @Property(tries = 30)
    void identicalMapsScorePerfectly(@ForAll long seed) {
        Random r = new Random(seed);
        LabelGrid a = new LabelGrid(random(r, 6 * 7 * 8, 3, 0.5), new int[] {6, 7, 8}, new double[] {2.5, 0.8, 0.8});
        for (ClassScore s : SegmentationMetrics.score(a, a, 3, true).classes()) {
            if (!s.excluded()) {
                assertThat(s).isEqualTo(new ClassScore(s.label(), true, true, 1, 1, 0, 0, false));
            }
        }
    }

    @Property(tries = 40)
    void paddingTheImageChangesNoMeasuredValue(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int pad) {
        // crop-to-box must not matter: the same masks inside a larger empty frame score the same
        Random r = new Random(seed);
        int d0 = 4, d1 = 5, d2 = 6;
        int[] p = random(r, d0 * d1 * d2, 3, 0.5);
        int[] t = random(r, d0 * d1 * d2, 3, 0.5);
        double[] spacing = {1.7, 0.6, 0.9};
        int e0 = d0 + 2 * pad, e1 = d1 + 2 * pad, e2 = d2 + 2 * pad;
        int[] pp = new int[e0 * e1 * e2];
        int[] tp = new int[e0 * e1 * e2];
        for (int z = 0; z < d0; z++) {
            for (int y = 0; y < d1; y++) {
                for (int x = 0; x < d2; x++) {
                    int dst = ((z + pad) * e1 + y + pad) * e2 + x + pad;
                    pp[dst] = p[(z * d1 + y) * d2 + x];
                    tp[dst] = t[(z * d1 + y) * d2 + x];
                }
            }
        }
        CaseScores small = SegmentationMetrics.score(new LabelGrid(p, new int[] {d0, d1, d2}, spacing),
                new LabelGrid(t, new int[] {d0, d1, d2}, spacing), 3, false);
        CaseScores big = SegmentationMetrics.score(new LabelGrid(pp, new int[] {e0, e1, e2}, spacing),
                new LabelGrid(tp, new int[] {e0, e1, e2}, spacing), 3, false);
        for (int i = 0; i < small.classes().size(); i++) {
            ClassScore a = small.classes().get(i);
            ClassScore b = big.classes().get(i);
            if (a.distanceCapped() || a.excluded()) {
                continue; // the cap depends on the image size by design
            }
            assertThat(b.dice()).isEqualTo(a.dice());
            assertThat(b.hd95()).isCloseTo(a.hd95(), within(1e-12));
            assertThat(b.assd()).isCloseTo(a.assd(), within(1e-12));
        }
    }
}
