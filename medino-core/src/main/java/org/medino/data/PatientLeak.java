package org.medino.data;

import java.util.List;
import java.util.Set;

/**
 * A patient whose images are in more than one split: a model can then be tested on a patient it
 * was trained on, which inflates every metric.
 *
 * @param patientId the patient
 * @param splits the splits the patient is in, in train/val/test order
 * @param sampleIds the patient's sample ids, in dataset order
 */
public record PatientLeak(String patientId, Set<Split> splits, List<String> sampleIds) {
    public PatientLeak {
        splits = Set.copyOf(splits);
        sampleIds = List.copyOf(sampleIds);
    }

    /** {@code P7 (train, test)}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(patientId).append(" (");
        boolean first = true;
        for (Split s : Split.values()) {
            if (!splits.contains(s)) continue;
            if (!first) b.append(", ");
            b.append(s.label());
            first = false;
        }
        return b.append(')').toString();
    }
}
