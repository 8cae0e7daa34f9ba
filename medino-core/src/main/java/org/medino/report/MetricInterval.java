package org.medino.report;

/**
 * A metric's value with its 95 % bootstrap interval (NaN bounds when no interval was computed).
 *
 * @param value the point estimate on the whole test set
 * @param lower 2.5th percentile of the bootstrap distribution
 * @param upper 97.5th percentile
 */
public record MetricInterval(double value, double lower, double upper) {}
