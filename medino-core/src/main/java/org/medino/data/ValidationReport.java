package org.medino.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.medino.MedinoException;

/**
 * Every problem found in one dataset source, in file order. Validation collects them all before
 * deciding anything, so that a user fixes a manifest in one pass instead of one error per run.
 */
public final class ValidationReport {
    private final String source;
    private final List<Problem> problems;

    /**
     * @param source how the dataset is named in messages (usually its file or folder)
     * @param problems the problems, kept in the given order
     */
    public ValidationReport(String source, List<Problem> problems) {
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public static ValidationReport empty(String source) {
        return new ValidationReport(source, List.of());
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** How many distinct rows have at least one problem (header problems count as line 1). */
    public int badRowCount() {
        Set<String> rows = new LinkedHashSet<>();
        for (Problem p : problems) rows.add(p.line() > 0 ? "L" + p.line() : "I" + p.id() + "\u0000" + p.column());
        return rows.size();
    }

    /** One line: the source, how many rows and problems, and the first problem as an example. */
    public String summary() {
        if (problems.isEmpty()) return source + ": no problems";
        int rows = badRowCount();
        return source + ": " + rows + (rows == 1 ? " bad row" : " bad rows") + " (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "), first: " + problems.get(0);
    }

    /** One line per problem, for a terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>(problems.size());
        for (Problem p : problems) out.add(p.toString());
        return out;
    }

    /** How many problems of each message kind (the text before the first colon), for a quick look. */
    public Map<String, Integer> countsByKind() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Problem p : problems) {
            int colon = p.message().indexOf(':');
            String kind = colon < 0 ? p.message() : p.message().substring(0, colon);
            counts.merge(kind, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Writes the report as CSV with columns {@code line,id,column,problem} (header included, even
     * when there are no problems, so that "none" is visible in a run's outputs).
     *
     * <p>Written to a temporary file next to {@code target} and then renamed over it, so that a
     * reader never sees half a report and a crash never leaves one behind.
     */
    public void writeCsv(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader("line", "id", "column", "problem").get();
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(w, format)) {
                for (Problem p : problems) {
                    printer.printRecord(p.line() > 0 ? Integer.toString(p.line()) : "", p.id(), p.column(), p.message());
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new MedinoException(target + ": cannot replace the report atomically on this file system");
            }
            tmp = null;
        } catch (IOException e) {
            throw new MedinoException(target + ": cannot write the report: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }

    @Override
    public String toString() {
        return summary();
    }
}
