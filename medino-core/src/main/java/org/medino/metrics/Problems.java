package org.medino.metrics;

import java.util.ArrayList;
import java.util.List;
import org.medino.MedinoException;

/**
 * Collects everything wrong with a pair of input files so that the user sees all of it at once
 * instead of fixing one problem per run.
 */
final class Problems {
    /** More than this many lines help nobody; the count still says how many there are. */
    static final int MAX_LISTED = 50;

    private final List<String> lines = new ArrayList<>();

    void add(String file, long line, String problem) {
        lines.add(file + " line " + line + ": " + problem);
    }

    void add(String file, String problem) {
        lines.add(file + ": " + problem);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Throws one exception: a summary line, then one line per problem. */
    void throwIfAny(String summaryPrefix) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(summaryPrefix)
                .append(": ")
                .append(lines.size())
                .append(lines.size() == 1 ? " problem" : " problems");
        for (int i = 0; i < Math.min(lines.size(), MAX_LISTED); i++) {
            sb.append('\n').append("  ").append(lines.get(i));
        }
        if (lines.size() > MAX_LISTED) {
            sb.append('\n').append("  … and ").append(lines.size() - MAX_LISTED).append(" more");
        }
        throw new MedinoException(sb.toString());
    }

    List<String> lines() {
        return lines;
    }
}
