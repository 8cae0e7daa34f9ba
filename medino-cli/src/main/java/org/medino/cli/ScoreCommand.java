package org.medino.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medino.eval.Task;
import org.medino.metrics.ScoreCsv;
import org.medino.metrics.ScoreInput;
import org.medino.metrics.Scores;
import org.medino.report.ResultEntry;
import org.medino.report.Results;
import org.medino.report.ResultsWriter;
import org.medino.report.ScoresBridge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medino score}: the clinical metrics of any model's predictions, with bootstrap intervals. */
@Command(mixinStandardHelpOptions = true, name = "score",
        description = {"Score predictions against the truth: accuracy, balanced accuracy, macro F1, AUROC, MCC (and top-5",
            "accuracy for 6+ classes) with 95%% bootstrap intervals (patients resampled when the truth has patient_id).",
            "Truth: id,label or id plus one 0/1 column per class; predictions: id plus one probability column per class."},
        footer = {"", "Example:", "  medino score --truth truth.csv --pred predictions.csv --task multiclass --out results/score"})
final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--truth", required = true, paramLabel = "TRUTH.csv", description = "The true labels.")
    Path truth;

    @Option(names = "--pred", required = true, paramLabel = "PRED.csv", description = "The predicted probabilities.")
    Path pred;

    @Option(names = "--task", paramLabel = "multiclass|binary|multilabel", description = "The task (default: inferred from the files).")
    String task;

    @Option(names = "--out", paramLabel = "DIR", description = "Write results.json, results.csv and report.html here.")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Override
    public Integer call() {
        Task t = task == null ? null : parseTask(task);
        ScoreInput input = ScoreCsv.read(truth, pred, t);
        Scores scores = input.score(seed, bootstrap);
        ResultEntry entry = new ResultEntry("score", Map.of("predictions", pred.toString()), ScoresBridge.intervals(scores), input.predictions());
        scores.metrics().forEach((name, m) -> System.out.printf(Locale.ROOT, "%-24s %s%n", name,
                Double.isFinite(m.value()) ? String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", m.value(), m.lower(), m.upper())
                        : "undefined" + (m.note() == null ? "" : " (" + m.note() + ")")));
        if (out != null) {
            Results results = new Results("score", Map.of("seed", seed, "bootstrap", bootstrap, "task", scores.task().name().toLowerCase(Locale.ROOT)),
                    null, Map.of("truth", truth.toString(), "predictions", pred.toString(), "n", input.predictions().n()),
                    Map.of(), List.of(entry), input.truth().labels(), input.classNames());
            ResultsWriter.write(out, results);
            System.out.println("report: " + out.resolve("report.html").toAbsolutePath());
        }
        return 0;
    }

    private static Task parseTask(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "multiclass" -> Task.MULTICLASS;
            case "binary" -> Task.BINARY;
            case "multilabel" -> Task.MULTILABEL;
            default -> throw new org.medino.MedinoException("--task must be multiclass, binary or multilabel, got '" + text + "'");
        };
    }
}
