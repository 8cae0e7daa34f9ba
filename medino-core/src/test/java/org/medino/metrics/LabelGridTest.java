package org.medino.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LabelGridTest {

    @Test
    void validatesLengths() {
        assertThatThrownBy(() -> new LabelGrid(new int[5], new int[] {2, 3}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fill");
        assertThatThrownBy(() -> new LabelGrid(new int[6], new int[] {2, 3}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
        assertThatThrownBy(() -> new LabelGrid(new int[6], new int[] {6}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 or 3");
        assertThatThrownBy(() -> new LabelGrid(new int[0], new int[] {0, 3}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-positive");
        assertThatThrownBy(() -> new LabelGrid(new int[6], new int[] {2, 3}, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> new LabelGrid(new int[6], new int[] {2, 3}, new double[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extentDiagonalIsInMillimetres() {
        LabelGrid g = LabelGrid.of3d(new int[2 * 3 * 4], 2, 3, 4, 2.5, 0.8, 0.5);
        assertThat(g.extentDiagonal()).isCloseTo(Math.sqrt(25 + 2.4 * 2.4 + 4), within(1e-12));
    }

    @Test
    void equalityIsByContent() {
        assertThat(LabelGrid.of2d(new int[] {1, 2}, 1, 2, 1, 1)).isEqualTo(LabelGrid.of2d(new int[] {1, 2}, 1, 2, 1, 1))
                .hasSameHashCodeAs(LabelGrid.of2d(new int[] {1, 2}, 1, 2, 1, 1));
    }
}
