package org.medino.metrics;

import java.util.List;
import java.util.Optional;

/**
 * The scores of one case (one prediction against its truth), one entry per scored class in
 * ascending label order, excluded classes included so that a CSV row per class is always complete.
 */
public record CaseScores(List<ClassScore> classes) {

    public CaseScores {
        classes = List.copyOf(classes);
    }

    /** The score of {@code label}, or empty if that class was not scored (e.g. background). */
    public Optional<ClassScore> of(int label) {
        for (ClassScore c : classes) {
            if (c.label() == label) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
