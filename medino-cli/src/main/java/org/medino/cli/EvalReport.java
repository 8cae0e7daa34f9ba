package org.medino.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medino.eval.LabeledFeatures;
import org.medino.eval.Predictions;
import org.medino.metrics.Scorer;
import org.medino.metrics.Truth;
import org.medino.report.MetricInterval;
import org.medino.report.ResultEntry;
import org.medino.report.Results;
import org.medino.report.ResultsWriter;
import org.medino.report.ScoresBridge;
import picocli.CommandLine.Option;

/** The options and the output every evaluation shares: scoring with intervals, the table, the files. */
final class EvalReport {
    @Option(names = "--out", paramLabel = "DIR", description = "Write results.json, results.csv and report.html here.")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B", description = "Bootstrap resamples for the 95%% intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    private final List<ResultEntry> entries = new ArrayList<>();
    private final long start = System.nanoTime();

    /** Scores test predictions (patients resampled when the test set has patient ids) and keeps the entry. */
    Map<String, MetricInterval> add(String protocol, Map<String, Object> setting, LabeledFeatures test, Predictions predictions) {
        Map<String, MetricInterval> metrics = ScoresBridge.intervals(Scorer.score(truth(test), predictions, test.task(),
                test.patientIds(), seed, bootstrap, List.of(test.classNames())));
        entries.add(new ResultEntry(protocol, setting, metrics, predictions));
        return metrics;
    }

    /** Point values for a few-shot draw (one token resample, whose interval is ignored): the spread of interest is between draws. */
    Map<String, MetricInterval> pointScores(LabeledFeatures test, Predictions p) {
        return ScoresBridge.intervals(Scorer.score(truth(test), p, test.task(), null, seed, 1, List.of(test.classNames())));
    }

    private static Truth truth(LabeledFeatures test) {
        return test.labels() != null ? Truth.singleLabel(test.labels(), test.numClasses())
                : Truth.multiLabel(test.multiHot(), test.numClasses());
    }

    /** Keeps an entry whose metrics were aggregated elsewhere (few-shot: mean ± sd over draws). */
    void addAggregated(String protocol, Map<String, Object> setting, Map<String, MetricInterval> metrics) {
        entries.add(new ResultEntry(protocol, setting, metrics, null));
    }

    /** Prints the table and, with --out, writes the three files. */
    void finish(String command, Map<String, Object> config, EvalInputs inputs) {
        print();
        if (out == null) {
            return;
        }
        Map<String, Object> cfg = new LinkedHashMap<>(config);
        cfg.put("seed", seed);
        cfg.put("bootstrap", bootstrap);
        LabeledFeatures test = inputs.testFeatures();
        Results results = new Results(command, cfg, inputs.model(), inputs.describe(),
                Map.of("total_seconds", (System.nanoTime() - start) / 1e9), entries, test.labels(), List.of(test.classNames()));
        ResultsWriter.write(out, results);
        System.out.println("report: " + out.resolve("report.html").toAbsolutePath());
    }

    void print() {
        List<String> names = new ArrayList<>();
        entries.forEach(e -> e.metrics().keySet().stream().filter(k -> !k.contains("/")).forEach(k -> { if (!names.contains(k)) names.add(k); }));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-14s %-44s", "protocol", "setting"));
        names.forEach(n -> header.append(String.format(Locale.ROOT, " %-22s", n)));
        System.out.println(header.toString().stripTrailing());
        for (ResultEntry e : entries) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-14s %-44s", e.protocol(), ResultsWriter.settingJson(e.setting())));
            for (String n : names) {
                MetricInterval v = e.metrics().get(n);
                row.append(String.format(Locale.ROOT, " %-22s", v == null ? "" : cell(v)));
            }
            System.out.println(row.toString().stripTrailing());
        }
    }

    private static String cell(MetricInterval v) {
        if (!Double.isFinite(v.value())) return "n/a";
        if (!Double.isFinite(v.lower())) return String.format(Locale.ROOT, "%.3f", v.value());
        return String.format(Locale.ROOT, "%.3f [%.3f,%.3f]", v.value(), v.lower(), v.upper());
    }
}
