package org.medino.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class PercentileTest {
    @Test
    void matchesNumpyPercentile() {
        int checked = 0;
        for (CSVRecord r : SklearnCases.records("percentiles.csv")) {
            double[] values = Arrays.stream(r.get("values").split(" ")).mapToDouble(Double::parseDouble).toArray();
            double q = Double.parseDouble(r.get("q"));
            double expected = Double.parseDouble(r.get("expected"));
            assertThat(Percentile.of(values, q)).as("%s at %s", r.get("values"), q).isCloseTo(expected, within(1e-15));
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void interpolatesLinearlyBetweenNeighbours() {
        // 5 values: virtual index of 2.5 % is 4 · 0.025 = 0.1, of 97.5 % is 3.9
        double[] v = {4, 0, 1, 3, 2};
        assertThat(Percentile.of(v, 2.5)).isCloseTo(0.1, within(1e-15));
        assertThat(Percentile.of(v, 97.5)).isCloseTo(3.9, within(1e-15));
        assertThat(Percentile.of(v, 50)).isEqualTo(2.0);
        assertThat(Percentile.of(new double[0], 50)).isNaN();
        assertThatThrownBy(() -> Percentile.of(v, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
