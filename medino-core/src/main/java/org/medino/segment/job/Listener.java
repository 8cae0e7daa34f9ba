package org.medino.segment.job;

import org.medino.segment.SegmentationExperiment;

/** Where a job reports what it is doing: notes, stages and training progress. */
public interface Listener extends SegmentationExperiment.Listener {
    void note(String message);
}
