package org.medino.eval;

import java.util.List;

/**
 * Outcome of the DINOv2 linear probe.
 *
 * @param best the head setting with the best validation score
 * @param validation every head's setting and validation score, in DINOv2's grid order
 *     (n_last_blocks, then avgpool false/true, then learning rate)
 * @param test predictions on the test split of the best setting, retrained on train + validation
 * @param iterations SGD steps of the grid run and of the final run
 */
public record LinearProbeResult(ProbeSetting best, List<HeadScore> validation, Predictions test, int gridIterations, int finalIterations) {
    /** One head's validation score (NaN when the scorer could not score it). */
    public record HeadScore(ProbeSetting setting, double score) {}
}
