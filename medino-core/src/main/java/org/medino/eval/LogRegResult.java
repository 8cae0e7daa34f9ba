package org.medino.eval;

import java.util.List;

/**
 * Outcome of the logistic-regression protocol.
 *
 * @param bestC the C with the best held-out score (smallest C among ties)
 * @param sweep every C's held-out score and solver outcome, in increasing C
 * @param test predictions on the test split of the model refitted with bestC
 * @param model that refitted model
 */
public record LogRegResult(double bestC, List<CScore> sweep, Predictions test, LogisticModel model) {
    /**
     * One point of the C sweep (score NaN when the scorer could not score it); {@code converged}
     * is false when L-BFGS hit the iteration cap.
     */
    public record CScore(double c, double score, int iterations, boolean converged) {}
}
