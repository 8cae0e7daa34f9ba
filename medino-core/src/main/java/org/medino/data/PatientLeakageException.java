package org.medino.data;

import java.util.List;
import org.medino.MedinoException;

/**
 * A dataset puts one patient in two splits and the caller did not allow it. The message names the
 * first patients and their splits; {@link #leaks()} has them all.
 */
public class PatientLeakageException extends MedinoException {
    private final transient List<PatientLeak> leaks;

    public PatientLeakageException(String source, List<PatientLeak> leaks) {
        super(LeakageCheck.describe(source, leaks) + "; split by patient, or allow the overlap explicitly");
        this.leaks = List.copyOf(leaks);
    }

    public List<PatientLeak> leaks() {
        return leaks;
    }
}
