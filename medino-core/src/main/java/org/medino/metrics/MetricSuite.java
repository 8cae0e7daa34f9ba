package org.medino.metrics;

import java.util.List;

/**
 * The metrics of one task, prepared once from truth and scores and then evaluated on any
 * weighted resample of the rows.
 *
 * <p>Preparing once is what makes the bootstrap fast: sorting, argmax and top-k are done here,
 * so that {@link #evaluate} is a few linear passes.
 */
interface MetricSuite {
    /** Metric names, in output order. */
    List<String> names();

    /**
     * Writes each metric's value on the sample where row i occurs {@code weights[i]} times
     * ({@code null}: every row once) into {@code out}, NaN where the metric is undefined for that
     * sample. Must be safe to call from several threads at once.
     */
    void evaluate(int[] weights, double[] out);

    /** A note per metric about what was left out of it (empty string: nothing). */
    List<String> notes();
}
