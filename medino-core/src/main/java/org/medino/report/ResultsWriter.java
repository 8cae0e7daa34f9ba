package org.medino.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medino.checkpoint.AtomicFiles;

/**
 * Writes {@code results.json}, {@code results.csv} and {@code report.html} into a folder, each
 * atomically. In JSON a metric is {@code {"value": v, "ci_lower": a, "ci_upper": b, "ci": [a, b]}};
 * unknown numbers (an undefined AUROC, say) are null.
 */
public final class ResultsWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsWriter() {}

    public static void write(Path dir, Results results) {
        AtomicFiles.writeText(dir.resolve("results.json"), json(results));
        AtomicFiles.writeText(dir.resolve("results.csv"), csv(results));
        AtomicFiles.writeText(dir.resolve("report.html"), HtmlReport.render(results));
    }

    static String json(Results r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", r.command());
        root.put("config", r.config());
        root.put("model", r.model());
        root.put("dataset", r.dataset());
        root.put("timings", r.timings());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ResultEntry e : r.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("protocol", e.protocol());
            m.put("setting", e.setting());
            Map<String, Object> metrics = new LinkedHashMap<>();
            e.metrics().forEach((name, v) -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("value", finite(v.value()));
                one.put("ci_lower", finite(v.lower()));
                one.put("ci_upper", finite(v.upper()));
                one.put("ci", java.util.Arrays.asList(finite(v.lower()), finite(v.upper())));
                metrics.put(name, one);
            });
            m.put("metrics", metrics);
            entries.add(m);
        }
        root.put("results", entries);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row per entry: protocol, setting (as JSON), then value/lower/upper of every metric seen. */
    static String csv(Results r) {
        Set<String> metricNames = new LinkedHashSet<>();
        r.entries().forEach(e -> metricNames.addAll(e.metrics().keySet()));
        StringBuilder out = new StringBuilder("protocol,setting");
        for (String m : metricNames) {
            out.append(',').append(m).append(',').append(m).append("_ci_lower,").append(m).append("_ci_upper");
        }
        out.append('\n');
        for (ResultEntry e : r.entries()) {
            out.append(quote(e.protocol())).append(',').append(quote(settingJson(e.setting())));
            for (String m : metricNames) {
                MetricInterval v = e.metrics().get(m);
                out.append(',').append(v == null ? "" : number(v.value()));
                out.append(',').append(v == null ? "" : number(v.lower()));
                out.append(',').append(v == null ? "" : number(v.upper()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A protocol's setting as compact JSON, e.g. {@code {"k":20}}: how tables and reports show it. */
    public static String settingJson(Map<String, Object> setting) {
        try {
            return new ObjectMapper().writeValueAsString(setting);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
