package org.medino.data;

/** What a reader does with rows that fail validation. Either way, every problem is reported. */
public enum BadRowPolicy {
    /** Stop with a {@link BadRowsException} listing every problem: the default, so nothing is lost unnoticed. */
    FAIL,
    /** Drop the bad rows and go on; the dropped rows stay in {@link Dataset#skipped()} for the run's outputs. */
    SKIP
}
