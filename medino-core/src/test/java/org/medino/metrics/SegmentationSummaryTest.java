package org.medino.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentationSummaryTest {
    private static final double CAP = 100;

    private static ClassScore scored(int label, double dice, double iou, double hd95, double assd) {
        return new ClassScore(label, true, true, dice, iou, hd95, assd, false);
    }

    @Test
    void meansPerClassOverNonExcludedCasesThenOverClasses() {
        SegmentationSummary s = new SegmentationSummary();
        s.add("a", new CaseScores(List.of(scored(1, 0.8, 0.6, 2, 1), ClassScore.oneSided(2, false, CAP),
                ClassScore.excluded(3))));
        s.add("b", new CaseScores(List.of(scored(1, 0.6, 0.4, 4, 3), ClassScore.excluded(2), ClassScore.excluded(3))));
        s.add("c", new CaseScores(List.of(ClassScore.excluded(1), scored(2, 0.9, 0.8, 1, 0.5), ClassScore.excluded(3))));

        List<ClassSummary> classes = s.classes();
        assertThat(classes).extracting(ClassSummary::label).containsExactly(1, 2, 3);
        ClassSummary one = classes.get(0);
        assertThat(one.cases()).isEqualTo(2);
        assertThat(one.diceMean()).isCloseTo(0.7, within(1e-12));
        assertThat(one.hd95Mean()).isCloseTo(3, within(1e-12));
        assertThat(one.cappedCases()).isZero();
        ClassSummary two = classes.get(1);
        // the miss in case a counts as Dice 0 with capped distances
        assertThat(two.cases()).isEqualTo(2);
        assertThat(two.diceMean()).isCloseTo(0.45, within(1e-12));
        assertThat(two.iouMean()).isCloseTo(0.4, within(1e-12));
        assertThat(two.hd95Mean()).isCloseTo((CAP + 1) / 2, within(1e-12));
        assertThat(two.assdMean()).isCloseTo((CAP + 0.5) / 2, within(1e-12));
        assertThat(two.cappedCases()).isEqualTo(1);
        ClassSummary three = classes.get(2);
        assertThat(three.absent()).isTrue();
        assertThat(three.diceMean()).isNaN();

        // overall: classes 1 and 2 only
        assertThat(s.diceMean()).isCloseTo((0.7 + 0.45) / 2, within(1e-12));
        assertThat(s.iouMean()).isCloseTo((0.5 + 0.4) / 2, within(1e-12));
        assertThat(s.hd95Mean()).isCloseTo((3 + (CAP + 1) / 2) / 2, within(1e-12));
        assertThat(s.assdMean()).isCloseTo((2 + (CAP + 0.5) / 2) / 2, within(1e-12));

        assertThat(s.cases()).extracting(ScoredCase::caseId).containsExactly("a", "b", "c");
        assertThat(s.cases().get(2).scores().of(2).orElseThrow().dice()).isEqualTo(0.9);
    }

    @Test
    void emptySummaryHasNaNMeans() {
        SegmentationSummary s = new SegmentationSummary();
        assertThat(s.diceMean()).isNaN();
        s.add("x", new CaseScores(List.of(ClassScore.excluded(1))));
        assertThat(s.hd95Mean()).isNaN();
        assertThat(s.classes()).singleElement().satisfies(c -> assertThat(c.absent()).isTrue());
    }

    @Test
    void rejectsDuplicateCaseIds() {
        SegmentationSummary s = new SegmentationSummary();
        s.add("x", new CaseScores(List.of()));
        assertThatThrownBy(() -> s.add("x", new CaseScores(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
    }
}
