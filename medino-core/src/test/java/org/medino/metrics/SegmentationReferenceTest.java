package org.medino.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medino.metrics.Tolerance.assertClose;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares with values from {@code segmentation/make_segmentation_metrics.py}, which re-implements
 * MONAI's edge, surface-distance, HD95 and ASSD definitions with scipy: random multi-class blobs in
 * 2D and 3D (anisotropic spacing included), one-sided and absent classes, a mask on the image
 * border, and background scored.
 */
class SegmentationReferenceTest {
    private static final List<ReferenceFixtures.Block> BLOCKS =
            ReferenceFixtures.read("segmentation/segmentation_cases.txt");

    static Stream<ReferenceFixtures.Block> cases() {
        return BLOCKS.stream().filter(b -> !b.name().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScipyReference(ReferenceFixtures.Block block) {
        CaseScores scores = score(block);
        List<String[]> expected = block.all("score");
        assertThat(scores.classes()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            String[] e = expected.get(i);
            ClassScore s = scores.classes().get(i);
            String what = block.name() + " class " + e[0];
            assertThat(s.label()).as(what).isEqualTo(Integer.parseInt(e[0]));
            assertThat(s.predPresent()).as(what + " predPresent").isEqualTo(e[1].equals("1"));
            assertThat(s.truthPresent()).as(what + " truthPresent").isEqualTo(e[2].equals("1"));
            assertClose(what + " dice", s.dice(), Double.parseDouble(e[3]));
            assertClose(what + " iou", s.iou(), Double.parseDouble(e[4]));
            assertClose(what + " hd95", s.hd95(), Double.parseDouble(e[5]));
            assertClose(what + " assd", s.assd(), Double.parseDouble(e[6]));
            assertThat(s.distanceCapped()).as(what + " capped").isEqualTo(e[7].equals("1"));
        }
    }

    @Test
    void summaryOverAllCasesMatchesReference() {
        SegmentationSummary summary = new SegmentationSummary();
        cases().forEach(b -> summary.add(b.name(), score(b)));
        double[] expected = ReferenceFixtures.parseDoubles(BLOCKS.get(BLOCKS.size() - 1).one("summary"));
        assertClose("dice", summary.diceMean(), expected[0]);
        assertClose("iou", summary.iouMean(), expected[1]);
        assertClose("hd95", summary.hd95Mean(), expected[2]);
        assertClose("assd", summary.assdMean(), expected[3]);
        assertThat(summary.classes()).extracting(ClassSummary::label).containsExactly(0, 1, 2, 3, 4);
        assertThat(summary.classes().get(4).absent()).isTrue();
    }

    private static CaseScores score(ReferenceFixtures.Block block) {
        int[] shape = block.ints("shape");
        double[] spacing = block.doubles("spacing");
        int size = ReferenceFixtures.product(shape);
        LabelGrid pred = new LabelGrid(block.runLength("pred", size), shape, spacing);
        LabelGrid truth = new LabelGrid(block.runLength("truth", size), shape, spacing);
        return SegmentationMetrics.score(pred, truth, block.ints("classes")[0], block.ints("background")[0] == 1);
    }
}
