package org.medino.data;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds patients that appear in more than one split. Samples without a split or without a patient
 * id cannot leak and are ignored.
 */
public final class LeakageCheck {
    /** How many patients a message names before it says "and N more": enough to act on, short enough to read. */
    public static final int MAX_LISTED = 10;

    private LeakageCheck() {}

    /** The leaking patients, in order of first appearance. */
    public static List<PatientLeak> find(List<Sample> samples) {
        Map<String, Set<Split>> splits = new LinkedHashMap<>();
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (s.patientId() == null || s.split() == null) continue;
            splits.computeIfAbsent(s.patientId(), k -> EnumSet.noneOf(Split.class)).add(s.split());
            ids.computeIfAbsent(s.patientId(), k -> new ArrayList<>()).add(s.id());
        }
        List<PatientLeak> leaks = new ArrayList<>();
        for (Map.Entry<String, Set<Split>> e : splits.entrySet()) {
            if (e.getValue().size() > 1) leaks.add(new PatientLeak(e.getKey(), e.getValue(), ids.get(e.getKey())));
        }
        return leaks;
    }

    /**
     * One line naming the source, how many patients leak, and the first {@link #MAX_LISTED} of
     * them with their splits.
     */
    public static String describe(String source, List<PatientLeak> leaks) {
        StringBuilder b = new StringBuilder(source).append(": ").append(leaks.size())
                .append(leaks.size() == 1 ? " patient appears" : " patients appear").append(" in more than one split: ");
        int shown = Math.min(MAX_LISTED, leaks.size());
        for (int i = 0; i < shown; i++) {
            if (i > 0) b.append(", ");
            b.append(leaks.get(i));
        }
        if (leaks.size() > shown) b.append(" and ").append(leaks.size() - shown).append(" more");
        return b.toString();
    }

    /**
     * Refuses leaking samples unless {@code allow}; returns the warning to keep (empty when none).
     *
     * @throws PatientLeakageException when a patient leaks and {@code allow} is false
     */
    public static List<String> enforce(String source, List<Sample> samples, boolean allow) {
        List<PatientLeak> leaks = find(samples);
        if (leaks.isEmpty()) return List.of();
        if (!allow) throw new PatientLeakageException(source, leaks);
        return List.of(describe(source, leaks) + " (allowed by override)");
    }
}
