package org.medino.data;

import org.medino.MedinoException;

/**
 * A dataset had bad rows and the policy was {@link BadRowPolicy#FAIL} (or the problem could not be
 * skipped, e.g. a missing column). The message is the one-line summary; the caller prints it and
 * then {@link ValidationReport#lines()} of {@link #report()}, so that every problem is shown.
 */
public class BadRowsException extends MedinoException {
    private final transient ValidationReport report;

    public BadRowsException(ValidationReport report) {
        super(report.summary());
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
