package org.medino.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Comparison with Python references: 1e-9 relative (absolute near zero), NaN only equal to NaN. */
final class Tolerance {
    private Tolerance() {}

    static final double RELATIVE = 1e-9;

    static void assertClose(String what, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(RELATIVE * Math.max(1.0, Math.abs(expected))));
        }
    }
}
