package org.medino.metrics;

/**
 * A metric's value on the full data with its bootstrap confidence interval.
 *
 * @param value the metric on all rows; NaN when undefined (see {@code note})
 * @param lower lower bound of the interval (2.5th percentile of the valid resamples); NaN when
 *     there are none
 * @param upper upper bound (97.5th percentile)
 * @param validResamples resamples on which the metric was defined; the interval uses only these
 * @param resamples resamples drawn
 * @param note what was left out of the metric or why it is undefined; empty when nothing
 */
public record MetricResult(double value, double lower, double upper, int validResamples, int resamples, String note) {
    public MetricResult {
        note = note == null ? "" : note;
    }

    /** Whether the metric has a value on the full data. */
    public boolean defined() {
        return !Double.isNaN(value);
    }

    /** Resamples on which the metric was undefined and which were skipped. */
    public int skippedResamples() {
        return resamples - validResamples;
    }
}
