package org.medino.segment;

/**
 * One learning rate of the selection stage and the validation score it reached.
 *
 * @param lr the learning rate
 * @param valIouMean mean IoU on the validation cases (NaN when training diverged)
 * @param note why the point has no score, or empty
 */
public record GridPoint(double lr, double valIouMean, String note) {}
