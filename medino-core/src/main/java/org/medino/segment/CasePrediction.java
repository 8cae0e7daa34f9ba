package org.medino.segment;

/**
 * A test case's prediction next to its truth, both on the case's own grid.
 *
 * @param loaded the case (image, truth labels, geometry)
 * @param predicted the predicted labels
 */
public record CasePrediction(LoadedCase loaded, int[] predicted) {}
