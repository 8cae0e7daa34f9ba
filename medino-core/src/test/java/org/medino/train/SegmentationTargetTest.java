package org.medino.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.medino.MedinoException;

class SegmentationTargetTest {

    @Test
    void encodesLabelsOneHotAlongTheClassAxis() {
        try (NDManager m = NDManager.newBaseManager()) {
            // B=1, H=1, W=3, K=2: labels 1, 0, 1
            SegmentationTarget t = SegmentationTarget.of(m, new int[] {1, 0, 1}, 1, 1, 3, 2);
            assertThat(t.oneHot().getShape().getShape()).containsExactly(1, 2, 1, 3);
            assertThat(t.oneHot().toFloatArray()).containsExactly(0, 1, 0, 1, 0, 1);
        }
    }

    @Test
    void rejectsOutOfRangeLabelsAndWrongLengths() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> SegmentationTarget.of(m, new int[] {0, 3}, 1, 1, 2, 3))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 3");
            assertThatThrownBy(() -> SegmentationTarget.of(m, new int[] {0}, 1, 1, 2, 3))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected");
        }
    }

    @Test
    void lossKindsParseTheirSettingsNames() {
        assertThat(LossKind.parse("DiceCE")).isEqualTo(LossKind.DICECE);
        assertThat(LossKind.parse("ce")).isEqualTo(LossKind.CE);
        assertThat(LossKind.parse(" dice ")).isEqualTo(LossKind.DICE);
        assertThatThrownBy(() -> LossKind.parse("focal")).isInstanceOf(MedinoException.class).hasMessageContaining("focal");
    }
}
