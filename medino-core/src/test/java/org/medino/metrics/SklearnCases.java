package org.medino.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.medino.eval.Predictions;
import org.medino.eval.Task;

/** Loads the cases and expected values written by make_expected.py (test resources). */
final class SklearnCases {
    private SklearnCases() {}

    /** One case: truth, scores, and the integer multiplicity columns w_0.. for resample checks. */
    record Case(String name, Task task, Truth truth, Predictions predictions, List<int[]> weights) {}

    /** Expected value: metric on the case with weights column j (-1: every row once). */
    record Expected(String caseName, int weights, String metric, double value) {}

    static List<CSVRecord> records(String resource) {
        InputStream in = SklearnCases.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Expected> expected() {
        List<Expected> out = new ArrayList<>();
        for (CSVRecord r : records("expected.csv")) {
            out.add(new Expected(r.get("case"), Integer.parseInt(r.get("weights")), r.get("metric"), number(r.get("value"))));
        }
        return out;
    }

    /** Python's repr: 'nan' for undefined. */
    static double number(String s) {
        return s.equals("nan") ? Double.NaN : Double.parseDouble(s);
    }

    static Map<String, Case> cases() {
        Map<String, Case> out = new LinkedHashMap<>();
        for (Expected e : expected()) {
            out.computeIfAbsent(e.caseName(), SklearnCases::load);
        }
        return out;
    }

    static Task taskOf(String name) {
        if (name.startsWith("binary")) {
            return Task.BINARY;
        }
        return name.startsWith("multilabel") ? Task.MULTILABEL : Task.MULTICLASS;
    }

    static Case load(String name) {
        List<CSVRecord> rows = records("cases/" + name + ".csv");
        Task task = taskOf(name);
        List<String> header = rows.get(0).getParser().getHeaderNames();
        int classes = (int) header.stream().filter(h -> h.startsWith("s_")).count();
        int weightColumns = (int) header.stream().filter(h -> h.startsWith("w_")).count();
        int n = rows.size();
        float[] scores = new float[n * classes];
        int[] labels = new int[n];
        byte[] hot = new byte[n * classes];
        List<int[]> weights = new ArrayList<>();
        for (int j = 0; j < weightColumns; j++) {
            weights.add(new int[n]);
        }
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            CSVRecord r = rows.get(i);
            ids[i] = "r" + i;
            for (int k = 0; k < classes; k++) {
                scores[i * classes + k] = Float.parseFloat(r.get("s_" + k));
                if (task == Task.MULTILABEL) {
                    hot[i * classes + k] = Byte.parseByte(r.get("y_" + k));
                }
            }
            if (task != Task.MULTILABEL) {
                labels[i] = Integer.parseInt(r.get("y"));
            }
            for (int j = 0; j < weightColumns; j++) {
                weights.get(j)[i] = Integer.parseInt(r.get("w_" + j));
            }
        }
        Truth truth = task == Task.MULTILABEL ? Truth.multiLabel(hot, classes) : Truth.singleLabel(labels, classes);
        return new Case(name, task, truth, new Predictions(ids, scores, classes), weights);
    }

    static List<String> defaultNames(int classes) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add(Integer.toString(k));
        }
        return names;
    }

    static MetricSuite suite(Case c) {
        List<String> names = defaultNames(c.predictions().classes());
        return c.task() == Task.MULTILABEL
                ? new MultiLabelSuite(c.truth(), c.predictions(), names)
                : new SingleLabelSuite(c.truth(), c.predictions(), c.task(), names);
    }
}
