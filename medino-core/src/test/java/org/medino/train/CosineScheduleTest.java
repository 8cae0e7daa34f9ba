package org.medino.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-worked values of the warmup + cosine schedule. */
class CosineScheduleTest {

    @Test
    void withoutWarmupFollowsCosineAnnealingPerStep() {
        CosineSchedule s = new CosineSchedule(0.1, 0, 4);
        // ½(1 + cos(π t / 4)) for t = 0..3: 1, (2 + √2)/4, ½, (2 − √2)/4; then 0 from T on.
        assertThat(s.lr(0)).isEqualTo(0.1);
        assertThat(s.lr(1)).isCloseTo(0.1 * (2 + Math.sqrt(2)) / 4, within(1e-15));
        assertThat(s.lr(2)).isCloseTo(0.05, within(1e-15));
        assertThat(s.lr(3)).isCloseTo(0.1 * (2 - Math.sqrt(2)) / 4, within(1e-15));
        assertThat(s.lr(4)).isZero();
        assertThat(s.lr(100)).isZero();
    }

    @Test
    void warmupRisesLinearlyThenCosineSpansTheRest() {
        CosineSchedule s = new CosineSchedule(1.0, 2, 6);
        assertThat(s.lr(0)).isEqualTo(0.5);
        assertThat(s.lr(1)).isEqualTo(1.0);
        // cosine over T − W = 4 steps, starting at the peak
        assertThat(s.lr(2)).isEqualTo(1.0);
        assertThat(s.lr(3)).isCloseTo((2 + Math.sqrt(2)) / 4, within(1e-15));
        assertThat(s.lr(4)).isCloseTo(0.5, within(1e-15));
        assertThat(s.lr(5)).isCloseTo((2 - Math.sqrt(2)) / 4, within(1e-15));
        assertThat(s.lr(6)).isZero();
    }

    @Test
    void factorIsTheLinearProbeFormula() {
        // torch CosineAnnealingLR(max_iter, eta_min=0) stepped per iteration, as DINOv2's linear probe uses it
        for (int t = 0; t < 10; t++) {
            assertThat(CosineSchedule.factor(t, 10)).isEqualTo(0.5 * (1.0 + Math.cos(Math.PI * t / 10)));
        }
    }

    @Test
    void rejectsWarmupThatFillsTheRun() {
        assertThatThrownBy(() -> new CosineSchedule(0.1, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CosineSchedule(0.1, -1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
