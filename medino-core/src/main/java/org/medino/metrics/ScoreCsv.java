package org.medino.metrics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medino.eval.Predictions;
import org.medino.eval.Task;

/**
 * Reads the inputs of {@code medino score --truth TRUTH.csv --pred PRED.csv [--task T]}.
 *
 * <ul>
 *   <li>Truth: an {@code id} column, an optional {@code patient_id} column (turns on patient
 *       resampling), and either one {@code label} column holding class names (binary and
 *       multi-class) or one 0/1 column per finding (multi-label).
 *   <li>Predictions: an {@code id} column and one probability column per class, the header
 *       naming the class. For single-label tasks the prediction columns define the classes and
 *       their order; for binary tasks the second column is the positive class. For multi-label
 *       tasks both files must name the same findings (in any order); the truth's order is kept.
 * </ul>
 *
 * <p>Rows are matched by id; their order may differ. Every problem found (missing or extra ids,
 * duplicates, unknown classes, bad numbers, mismatched columns, wrong task) is reported in one
 * {@link org.medino.MedinoException} whose first line is a summary. The one exception: when a
 * file has no {@code id} column, only the header problems are reported, since no row can be
 * matched.
 */
public final class ScoreCsv {
    private ScoreCsv() {}

    static final String ID = "id";
    static final String PATIENT_ID = "patient_id";
    static final String LABEL = "label";

    /**
     * @param task the task asked for, or null to infer it: multi-label if the truth has finding
     *     columns, binary for 2 classes, otherwise multi-class
     */
    public static ScoreInput read(Path truthFile, Path predFile, Task task) {
        CsvTable truth = CsvTable.read(truthFile);
        CsvTable pred = CsvTable.read(predFile);
        Problems problems = new Problems();
        String summary = "cannot score " + predFile + " against " + truthFile;

        // --- headers
        checkHeader(truth, problems);
        checkHeader(pred, problems);
        int truthId = truth.column(ID);
        int predId = pred.column(ID);
        int patientCol = truth.column(PATIENT_ID);
        List<String> predClasses = new ArrayList<>();
        List<Integer> predClassCols = new ArrayList<>();
        for (int c = 0; c < pred.header.size(); c++) {
            if (c != predId) {
                predClasses.add(pred.header.get(c));
                predClassCols.add(c);
            }
        }
        List<String> truthColumns = new ArrayList<>();
        List<Integer> truthColumnIdx = new ArrayList<>();
        for (int c = 0; c < truth.header.size(); c++) {
            if (c != truthId && c != patientCol) {
                truthColumns.add(truth.header.get(c));
                truthColumnIdx.add(c);
            }
        }
        // a 'label' column means single-label truth; anything else besides the ids is a finding
        boolean multiLabel = truth.column(LABEL) < 0;
        if (truthId < 0 || predId < 0) {
            // without ids no row can be matched: every row check would only repeat this
            problems.throwIfAny(summary);
        }
        if (!multiLabel && truthColumns.size() > 1) {
            List<String> unexpected = new ArrayList<>(truthColumns);
            unexpected.remove(LABEL);
            problems.add(truth.name, 1, "unexpected columns " + quoted(unexpected) + " beside 'label' (allowed: id, patient_id, label)");
        }
        if (truthColumns.isEmpty()) {
            problems.add(truth.name, 1, "no label column: expected 'label' (class names) or one 0/1 column per finding");
        }
        if (predClasses.isEmpty()) {
            problems.add(pred.name, 1, "no probability columns: expected one column per class after 'id'");
        }

        List<String> classNames;
        int[] predColumnOfClass; // prediction CSV column for class k
        if (multiLabel) {
            classNames = truthColumns;
            predColumnOfClass = new int[classNames.size()];
            List<String> missing = new ArrayList<>();
            for (int k = 0; k < classNames.size(); k++) {
                predColumnOfClass[k] = pred.column(classNames.get(k));
                if (predColumnOfClass[k] < 0 || predColumnOfClass[k] == predId) {
                    missing.add(classNames.get(k));
                }
            }
            List<String> extra = new ArrayList<>(predClasses);
            extra.removeAll(classNames);
            if (!missing.isEmpty() && !truthColumns.isEmpty()) {
                problems.add(pred.name, 1, "class columns differ from " + truth.name + ": missing " + quoted(missing));
            }
            if (!extra.isEmpty() && !truthColumns.isEmpty()) {
                problems.add(pred.name, 1, "class columns differ from " + truth.name + ": not in the truth " + quoted(extra));
            }
        } else {
            classNames = predClasses;
            predColumnOfClass = predClassCols.stream().mapToInt(Integer::intValue).toArray();
        }
        int classes = classNames.size();

        // --- task
        Task resolved = task;
        if (multiLabel) {
            if (task != null && task != Task.MULTILABEL) {
                problems.add(truth.name, 1, "task " + name(task) + " needs a 'label' column, but the truth has one 0/1 column per finding (a multilabel layout)");
            }
            resolved = Task.MULTILABEL;
        } else if (classes >= 1) {
            if (classes < 2) {
                problems.add(pred.name, 1, "only one class column '" + classNames.get(0) + "'; single-label tasks need at least 2");
            }
            Task inferred = Task.singleLabel(classes);
            if (task == Task.MULTILABEL) {
                problems.add(truth.name, 1, "task multilabel needs one 0/1 column per finding, but the truth has a 'label' column");
            } else if (task != null && task != inferred && classes >= 2) {
                problems.add(pred.name, 1, "task " + name(task) + " does not fit " + classes + " classes (that is " + name(inferred) + ")");
            }
            resolved = inferred;
        }

        // --- truth rows
        Map<String, Integer> classIndex = new HashMap<>();
        for (int k = 0; k < classes; k++) {
            classIndex.putIfAbsent(classNames.get(k), k);
        }
        Map<String, Long> truthLines = new HashMap<>();
        List<String> ids = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<int[]> truthValues = new ArrayList<>();
        List<String> patients = new ArrayList<>();
        for (CsvTable.Row row : truth.rows) {
            String id = idOf(truth, row, truthId, truthLines, problems);
            if (!fieldCountOk(truth, row, problems) || id == null) {
                continue;
            }
            int[] value = multiLabel ? multiHot(truth, row, truthColumnIdx, problems) : label(truth, row, classIndex, problems);
            String patient = null;
            if (patientCol >= 0) {
                patient = row.values().get(patientCol);
                if (patient.isEmpty()) {
                    problems.add(truth.name, row.line(), "empty patient_id for id '" + id + "'");
                }
            }
            ids.add(id);
            lines.add(row.line());
            truthValues.add(value);
            patients.add(patient);
        }

        // --- prediction rows
        Map<String, Long> predLines = new HashMap<>();
        Map<String, float[]> scoresById = new HashMap<>();
        for (CsvTable.Row row : pred.rows) {
            String id = idOf(pred, row, predId, predLines, problems);
            if (!fieldCountOk(pred, row, problems) || id == null) {
                continue;
            }
            if (!truthLines.containsKey(id)) {
                problems.add(pred.name, row.line(), "id '" + id + "' is not in " + truth.name);
            }
            float[] scores = new float[classes];
            for (int k = 0; k < classes; k++) {
                int col = predColumnOfClass[k];
                if (col < 0) {
                    continue; // a missing column, already reported
                }
                scores[k] = probability(pred, row, col, problems);
            }
            scoresById.putIfAbsent(id, scores);
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!predLines.containsKey(ids.get(i))) {
                problems.add(truth.name, lines.get(i), "id '" + ids.get(i) + "' has no prediction in " + pred.name);
            }
        }
        if (truth.rows.isEmpty()) {
            problems.add(truth.name, "no rows after the header");
        }
        if (pred.rows.isEmpty()) {
            problems.add(pred.name, "no rows after the header");
        }
        problems.throwIfAny(summary);

        // --- assemble, in the truth file's order
        int n = ids.size();
        float[] flat = new float[n * classes];
        for (int i = 0; i < n; i++) {
            System.arraycopy(scoresById.get(ids.get(i)), 0, flat, i * classes, classes);
        }
        Truth t;
        if (multiLabel) {
            byte[] hot = new byte[n * classes];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < classes; k++) {
                    hot[i * classes + k] = (byte) truthValues.get(i)[k];
                }
            }
            t = Truth.multiLabel(hot, classes);
        } else {
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = truthValues.get(i)[0];
            }
            t = Truth.singleLabel(labels, classes);
        }
        Predictions predictions = new Predictions(ids.toArray(String[]::new), flat, classes);
        String[] patientIds = patientCol >= 0 ? patients.toArray(String[]::new) : null;
        return new ScoreInput(t, predictions, resolved, List.copyOf(classNames), patientIds);
    }

    private static String name(Task task) {
        return task.name().toLowerCase(Locale.ROOT);
    }

    private static String quoted(List<String> names) {
        return names.stream().map(s -> "'" + s + "'").reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static void checkHeader(CsvTable table, Problems problems) {
        if (table.column(ID) < 0) {
            problems.add(table.name, 1, "no 'id' column (header: " + String.join(",", table.header) + ")");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int c = 0; c < table.header.size(); c++) {
            String h = table.header.get(c);
            if (h.isEmpty()) {
                problems.add(table.name, 1, "column " + (c + 1) + " has no name");
            } else if (!seen.add(h)) {
                problems.add(table.name, 1, "column '" + h + "' appears twice");
            }
        }
    }

    private static boolean fieldCountOk(CsvTable table, CsvTable.Row row, Problems problems) {
        if (row.values().size() != table.header.size()) {
            problems.add(table.name, row.line(), row.values().size() + " fields, the header has " + table.header.size());
            return false;
        }
        return true;
    }

    /** The row's id, registering it; null (after reporting) when empty, duplicate or absent. */
    private static String idOf(CsvTable table, CsvTable.Row row, int idCol, Map<String, Long> seen, Problems problems) {
        if (idCol < 0 || idCol >= row.values().size()) {
            return null;
        }
        String id = row.values().get(idCol);
        if (id.isEmpty()) {
            problems.add(table.name, row.line(), "empty id");
            return null;
        }
        Long first = seen.putIfAbsent(id, row.line());
        if (first != null) {
            problems.add(table.name, row.line(), "duplicate id '" + id + "' (first on line " + first + ")");
            return null;
        }
        return id;
    }

    private static int[] label(CsvTable table, CsvTable.Row row, Map<String, Integer> classIndex, Problems problems) {
        String value = row.values().get(table.column(LABEL));
        Integer k = classIndex.get(value);
        if (k == null) {
            if (!classIndex.isEmpty()) {
                problems.add(table.name, row.line(), "unknown class '" + value + "' (the predictions have " + quoted(new ArrayList<>(classIndex.keySet()).stream().sorted().toList()) + ")");
            }
            return new int[] {0};
        }
        return new int[] {k};
    }

    private static int[] multiHot(CsvTable table, CsvTable.Row row, List<Integer> cols, Problems problems) {
        int[] out = new int[cols.size()];
        for (int k = 0; k < cols.size(); k++) {
            String value = row.values().get(cols.get(k));
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (v == 0 || v == 1) {
                out[k] = (int) v;
            } else {
                problems.add(table.name, row.line(), "'" + table.header.get(cols.get(k)) + "' is '" + value + "', expected 0 or 1");
            }
        }
        return out;
    }

    private static float probability(CsvTable table, CsvTable.Row row, int col, Problems problems) {
        String value = row.values().get(col);
        String column = table.header.get(col);
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            problems.add(table.name, row.line(), "'" + column + "' is '" + value + "', not a number");
            return 0;
        }
        // Double.parseDouble accepts "NaN", "Infinity" and a trailing 'd'/'f'; only plain finite
        // numbers in [0, 1] are probabilities
        if (!Double.isFinite(v) || value.endsWith("d") || value.endsWith("D") || value.endsWith("f") || value.endsWith("F")) {
            problems.add(table.name, row.line(), "'" + column + "' is '" + value + "', not a finite number");
            return 0;
        }
        if (v < 0 || v > 1) {
            problems.add(table.name, row.line(), "'" + column + "' is " + value + ", not a probability in [0, 1]");
            return 0;
        }
        return (float) v;
    }
}
