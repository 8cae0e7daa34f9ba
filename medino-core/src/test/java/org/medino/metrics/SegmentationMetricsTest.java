package org.medino.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-worked cases; the arithmetic is in the comments. */
class SegmentationMetricsTest {
    private static final double EPS = 1e-12;

    /** A rows×columns grid with class {@code label} on the rectangle [r0, r1) × [c0, c1). */
    private static int[] rect(int rows, int columns, int r0, int r1, int c0, int c1, int label) {
        int[] a = new int[rows * columns];
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                a[r * columns + c] = label;
            }
        }
        return a;
    }

    private static ClassScore only(CaseScores s) {
        assertThat(s.classes()).hasSize(1);
        return s.classes().get(0);
    }

    @Test
    void identicalMasksArePerfect() {
        int[] sq = rect(7, 7, 2, 5, 2, 5, 1);
        ClassScore s = only(SegmentationMetrics.score(LabelGrid.of2d(sq, 7, 7, 2.0, 0.5),
                LabelGrid.of2d(sq.clone(), 7, 7, 2.0, 0.5), 2, false));
        assertThat(s).isEqualTo(new ClassScore(1, true, true, 1, 1, 0, 0, false));
    }

    @Test
    void squareShiftedOneColumn() {
        // 3×3 squares, edges = the 8-pixel rings. Shifted one column (0.5 mm): 4 ring pixels of each
        // lie on the other ring (0) and 4 are one column from it (0.5 mm), in both directions.
        // Dice = 2·6/18, IoU = 6/12; p95 of [0,0,0,0,.5,.5,.5,.5] = .5; ASSD = 8·.5/16.
        ClassScore s = only(SegmentationMetrics.score(LabelGrid.of2d(rect(7, 7, 2, 5, 3, 6, 1), 7, 7, 2.0, 0.5),
                LabelGrid.of2d(rect(7, 7, 2, 5, 2, 5, 1), 7, 7, 2.0, 0.5), 2, false));
        assertThat(s.dice()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(s.iou()).isCloseTo(0.5, within(EPS));
        assertThat(s.hd95()).isCloseTo(0.5, within(EPS));
        assertThat(s.assd()).isCloseTo(0.25, within(EPS));
        assertThat(s.distanceCapped()).isFalse();
    }

    @Test
    void squareShiftedOneRowUsesRowSpacing() {
        // the same shift along rows, 2 mm apart. From P: 4 ring pixels on T's ring (0); P's first-row
        // middle is T's centre, nearest T's ring sideways (0.5, not 2); its last row 3 × 2 mm. Same
        // from T. p95 of [0,0,0,0,.5,2,2,2] = 2; ASSD = 2(.5 + 6)/16.
        ClassScore s = only(SegmentationMetrics.score(LabelGrid.of2d(rect(7, 7, 3, 6, 2, 5, 1), 7, 7, 2.0, 0.5),
                LabelGrid.of2d(rect(7, 7, 2, 5, 2, 5, 1), 7, 7, 2.0, 0.5), 2, false));
        assertThat(s.hd95()).isCloseTo(2.0, within(EPS));
        assertThat(s.assd()).isCloseTo(13.0 / 16, within(EPS));
    }

    @Test
    void cubeShiftedOneSliceIn3d() {
        // 3×3×3 cubes (26 surface voxels each, the centre is interior) in 7³, spacing 2.5 × 0.8 × 0.8,
        // prediction one slice deeper. From P: 16 voxels on T's surface (0), P's first-slice centre is
        // T's interior centre, 0.8 mm from T's ring (0.8), its last slice 9 × 2.5 mm. Same from T.
        // HD95: index 25·.95 = 23.75 of 16×0, .8, 9×2.5 → 2.5. ASSD = 2(.8 + 22.5)/52.
        int[] p = new int[343];
        int[] t = new int[343];
        for (int z = 0; z < 3; z++) {
            for (int y = 2; y < 5; y++) {
                for (int x = 2; x < 5; x++) {
                    t[(z + 2) * 49 + y * 7 + x] = 1;
                    p[(z + 3) * 49 + y * 7 + x] = 1;
                }
            }
        }
        ClassScore s = only(SegmentationMetrics.score(LabelGrid.of3d(p, 7, 7, 7, 2.5, 0.8, 0.8),
                LabelGrid.of3d(t, 7, 7, 7, 2.5, 0.8, 0.8), 2, false));
        assertThat(s.dice()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(s.iou()).isCloseTo(0.5, within(EPS));
        assertThat(s.hd95()).isCloseTo(2.5, within(EPS));
        assertThat(s.assd()).isCloseTo(2 * (0.8 + 22.5) / 52, within(EPS));
    }

    @Test
    void foregroundOnTheImageBorderIsSurface() {
        // truth fills the whole 5×5 image: its surface is the 16 border pixels (border_value 0), not
        // nothing. Prediction = columns 0–3: 14 surface pixels, of which its column 3 rows 1–3 are one
        // column (0.5 mm) from the truth's column 4; from T, column 4 (5 pixels) is 0.5 mm from P.
        // Dice = 40/45, IoU = 20/25, HD95 = .5 (both p95 fall among the .5s), ASSD = 8·.5/30.
        ClassScore s = only(SegmentationMetrics.score(LabelGrid.of2d(rect(5, 5, 0, 5, 0, 4, 1), 5, 5, 2.0, 0.5),
                LabelGrid.of2d(rect(5, 5, 0, 5, 0, 5, 1), 5, 5, 2.0, 0.5), 2, false));
        assertThat(s.dice()).isCloseTo(8.0 / 9, within(EPS));
        assertThat(s.iou()).isCloseTo(0.8, within(EPS));
        assertThat(s.hd95()).isCloseTo(0.5, within(EPS));
        assertThat(s.assd()).isCloseTo(4.0 / 30, within(EPS));
    }

    @Test
    void emptyClassesFollowTheProjectRules() {
        // class 1 everywhere the same; class 2 only in truth; class 3 only in prediction; class 4 nowhere
        int[] t = rect(5, 5, 0, 2, 0, 2, 1);
        int[] p = t.clone();
        t[24] = 2;
        p[20] = 3;
        double cap = Math.sqrt(5 * 2.0 * 5 * 2.0 + 5 * 0.5 * 5 * 0.5); // image diagonal in mm
        CaseScores s = SegmentationMetrics.score(LabelGrid.of2d(p, 5, 5, 2.0, 0.5), LabelGrid.of2d(t, 5, 5, 2.0, 0.5),
                5, false);
        assertThat(s.classes()).extracting(ClassScore::label).containsExactly(1, 2, 3, 4);
        assertThat(s.of(2).orElseThrow()).isEqualTo(new ClassScore(2, false, true, 0, 0, cap, cap, true));
        assertThat(s.of(3).orElseThrow()).isEqualTo(new ClassScore(3, true, false, 0, 0, cap, cap, true));
        ClassScore absent = s.of(4).orElseThrow();
        assertThat(absent.excluded()).isTrue();
        assertThat(absent.distanceCapped()).isFalse();
        assertThat(new double[] {absent.dice(), absent.iou(), absent.hd95(), absent.assd()}).containsOnly(Double.NaN);
        assertThat(s.of(0)).isEmpty();
    }

    @Test
    void backgroundIsScoredOnlyWhenAsked() {
        int[] t = rect(5, 5, 1, 4, 1, 4, 1);
        LabelGrid g = LabelGrid.of2d(t, 5, 5, 1, 1);
        assertThat(SegmentationMetrics.score(g, g, 2, true).classes()).extracting(ClassScore::label)
                .containsExactly(0, 1);
        assertThat(SegmentationMetrics.score(g, g, 2, true).of(0).orElseThrow().dice()).isEqualTo(1.0);
    }

    @Test
    void singleVoxelIsItsOwnSurface() {
        // one pixel each, at (2, 2) and (2, 4): two columns of 0.5 mm apart, so every distance is 1.0
        int[] p = new int[25];
        int[] t = new int[25];
        p[2 * 5 + 2] = 1;
        t[2 * 5 + 4] = 1;
        ClassScore s = only(SegmentationMetrics.score(LabelGrid.of2d(p, 5, 5, 2, 0.5), LabelGrid.of2d(t, 5, 5, 2, 0.5),
                2, false));
        assertThat(s.hd95()).isCloseTo(1.0, within(EPS));
        assertThat(s.assd()).isCloseTo(1.0, within(EPS));
        assertThat(s.dice()).isZero();
    }

    @Test
    void rejectsMismatchedShapesSpacingsAndLabels() {
        LabelGrid a = LabelGrid.of2d(new int[20], 4, 5, 1, 1);
        LabelGrid b = LabelGrid.of2d(new int[20], 5, 4, 1, 1);
        assertThatThrownBy(() -> SegmentationMetrics.score(a, b, 2, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape");
        LabelGrid c = LabelGrid.of2d(new int[20], 4, 5, 1, 1.2);
        assertThatThrownBy(() -> SegmentationMetrics.score(a, c, 2, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
        int[] bad = new int[20];
        bad[7] = 2;
        assertThatThrownBy(() -> SegmentationMetrics.score(LabelGrid.of2d(bad, 4, 5, 1, 1), a, 2, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 2");
    }

    @Test
    void toleratesFloat32RoundingOfSpacing() {
        LabelGrid a = LabelGrid.of2d(rect(4, 5, 1, 3, 1, 3, 1), 4, 5, 0.8, 0.8);
        LabelGrid b = LabelGrid.of2d(rect(4, 5, 1, 3, 1, 3, 1), 4, 5, (float) 0.8, (float) 0.8);
        assertThat(SegmentationMetrics.score(a, b, 2, false).of(1).orElseThrow().dice()).isEqualTo(1.0);
    }
}
