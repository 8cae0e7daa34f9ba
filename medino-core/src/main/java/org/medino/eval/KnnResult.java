package org.medino.eval;

/**
 * The predictions of a kNN-style protocol for one requested k.
 *
 * @param k the k that was asked for (the key callers report under)
 * @param neighbours the neighbours actually used: k, or fewer when the train set is too small
 *     (see the protocol's clamping rule)
 * @param predictions per test row and class
 */
public record KnnResult(int k, int neighbours, Predictions predictions) {}
