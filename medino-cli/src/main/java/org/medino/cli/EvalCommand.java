package org.medino.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medino.MedinoException;
import org.medino.eval.FewShot;
import org.medino.eval.FewShotDraw;
import org.medino.eval.KnnResult;
import org.medino.eval.LabeledFeatures;
import org.medino.eval.LinearProbe;
import org.medino.eval.LinearProbeOptions;
import org.medino.eval.LinearProbeResult;
import org.medino.eval.LogRegOptions;
import org.medino.eval.LogRegProbe;
import org.medino.eval.LogRegResult;
import org.medino.eval.ProbeFeatures;
import org.medino.eval.ProbeSetting;
import org.medino.eval.Predictions;
import org.medino.eval.MlKnn;
import org.medino.eval.Task;
import org.medino.eval.WeightedKnn;
import org.medino.report.MetricInterval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medino eval knn|mlknn|fewshot|...}: frozen-feature protocols on stores or feature files. */
@Command(mixinStandardHelpOptions = true, name = "eval", description = "Evaluate frozen features with the protocols of the DINOv2 radiology benchmark.",
        subcommands = {EvalCommand.Knn.class, EvalCommand.MlKnnCommand.class, EvalCommand.Linear.class, EvalCommand.LogReg.class,
            EvalCommand.FewShotCommand.class})
final class EvalCommand {
    private EvalCommand() {}

    static Map<String, Object> setting(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    @Command(mixinStandardHelpOptions = true, name = "knn", description = {"Weighted kNN as DINOv2's evaluation: L2-normalized features, cosine top-k,",
            "votes weighted by exp(similarity / T); single-label tasks."},
            footer = {"", "Example:", "  medino eval knn --train features/ds --test features/ds --out results/knn"})
    static final class Knn implements Callable<Integer> {
        @Mixin EvalInputs inputs = new EvalInputs();
        @Mixin EvalReport report = new EvalReport();

        @Option(names = "--k", split = ",", paramLabel = "K", description = "Neighbour counts (default: 10,20,100,200).")
        int[] ks = WeightedKnn.DEFAULT_KS;

        @Option(names = "--temperature", defaultValue = "0.07", paramLabel = "T", description = "Vote temperature (default: ${DEFAULT-VALUE}).")
        double temperature;

        @Override
        public Integer call() {
            inputs.load();
            LabeledFeatures train = inputs.trainFeatures();
            if (train.task() == Task.MULTILABEL) {
                throw new MedinoException(inputs.train + ": kNN is for single-label tasks; use medino eval mlknn for multi-label data");
            }
            LabeledFeatures test = inputs.testFeatures();
            for (KnnResult r : WeightedKnn.predict(train, test, ks, temperature)) {
                report.add("knn", setting("k", r.k()), test, r.predictions());
            }
            report.finish("eval knn", Map.of("ks", ks, "temperature", temperature), inputs);
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "mlknn", description = "ML-kNN (Zhang & Zhou 2007; cosine distance, smoothing 1) for multi-label tasks.",
            footer = {"", "Example:", "  medino eval mlknn --train chest/train.safetensors --test chest/test.safetensors --out results/mlknn"})
    static final class MlKnnCommand implements Callable<Integer> {
        @Mixin EvalInputs inputs = new EvalInputs();
        @Mixin EvalReport report = new EvalReport();

        @Option(names = "--k", split = ",", paramLabel = "K", description = "Neighbour counts (default: 10).")
        int[] ks = {MlKnn.DEFAULT_K};

        @Override
        public Integer call() {
            inputs.load();
            LabeledFeatures train = inputs.trainFeatures();
            if (train.task() != Task.MULTILABEL) {
                throw new MedinoException(inputs.train + ": ML-kNN is for multi-label tasks; use medino eval knn for single-label data");
            }
            for (KnnResult r : MlKnn.predict(train, inputs.testFeatures(), ks, MlKnn.DEFAULT_SMOOTHING)) {
                report.add("mlknn", setting("k", r.k()), inputs.testFeatures(), r.predictions());
            }
            report.finish("eval mlknn", Map.of("ks", ks, "smoothing", MlKnn.DEFAULT_SMOOTHING), inputs);
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "linear", description = {"Linear probing as the DINOv2 paper: heads for n_last_blocks {1,4} x avgpool x a learning-rate",
            "grid trained together on cached features, the best chosen on --val (or a 10%% hold-out of train) by accuracy",
            "(multi-class) or AUROC (binary, multi-label), then retrained on train+val and scored on --test."},
            footer = {"", "Example:", "  medino eval linear --train features/ds --val features/ds --test features/ds --out results/linear"})
    static final class Linear implements Callable<Integer> {
        @Mixin EvalInputs inputs = new EvalInputs();
        @Mixin EvalReport report = new EvalReport();

        @Option(names = "--epochs", defaultValue = "10", description = "Passes over the training rows (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--lr", split = ",", paramLabel = "LR", description = "Learning-rate grid (default: DINOv2's 13 rates from 1e-5 to 0.1).")
        double[] lrs;

        @Override
        public Integer call() {
            inputs.load();
            LinearProbeOptions base = LinearProbeOptions.defaults().withEpochs(epochs).withSeed(report.seed);
            if (lrs != null) {
                base = new LinearProbeOptions(base.seed(), base.nLastBlocks(), base.avgpool(), lrs, base.epochs(), base.minIterations(),
                        base.batchSize(), base.holdoutFraction());
            }
            LinearProbeResult r = runLinear(inputs, base, report.seed);
            Map<String, Object> s = probeSetting(r.best());
            report.add("linear", s, inputs.testFeatures(), r.test());
            report.finish("eval linear", Map.of("epochs", epochs, "grid", r.validation().size() + " heads",
                    "selection", ValidationScorer.metricFor(inputs.trainFeatures().task()) + " on " + (inputs.val == null ? "a 10% hold-out of train" : "val")), inputs);
            return 0;
        }
    }

    static LinearProbeResult runLinear(EvalInputs inputs, LinearProbeOptions base, long seed) {
        ProbeFeatures val = inputs.valInput == null ? null : EvalInputs.probe(inputs.valInput);
        return LinearProbe.run(EvalInputs.probe(inputs.trainInput), val, EvalInputs.probe(inputs.testInput),
                new ValidationScorer(inputs.trainFeatures(), inputs.valFeatures()), inputs.probeGrid(base));
    }

    static Map<String, Object> probeSetting(ProbeSetting best) {
        Map<String, Object> s = setting("n_last_blocks", best.nLastBlocks());
        s.put("avgpool", best.avgpool());
        s.put("lr", best.baseLr());
        return s;
    }

    @Command(mixinStandardHelpOptions = true, name = "logreg", description = {"Logistic regression as DINOv2's log_regression: L2-regularized, full-batch L-BFGS to tight",
            "tolerance, C over 10^linspace(-6, 5, 45) chosen on a 10%% hold-out of train, final fit on all of train."},
            footer = {"", "Example:", "  medino eval logreg --train features/ds --test features/ds --out results/logreg"})
    static final class LogReg implements Callable<Integer> {
        @Mixin EvalInputs inputs = new EvalInputs();
        @Mixin EvalReport report = new EvalReport();

        @Override
        public Integer call() {
            inputs.load();
            LogRegResult r = runLogReg(inputs.trainFeatures(), inputs.valFeatures(), inputs.testFeatures(), report.seed);
            report.add("logreg", setting("C", r.bestC()), inputs.testFeatures(), r.test());
            report.finish("eval logreg", Map.of("cs", "10^linspace(-6, 5, 45)", "selection",
                    ValidationScorer.metricFor(inputs.trainFeatures().task()) + " on " + (inputs.val == null ? "a 10% hold-out of train" : "val")), inputs);
            return 0;
        }
    }

    static LogRegResult runLogReg(LabeledFeatures train, LabeledFeatures val, LabeledFeatures test, long seed) {
        LogRegOptions options = LogRegOptions.defaults();
        options = new LogRegOptions(seed, options.cs(), options.maxIter(), options.gtol(), options.holdoutFraction());
        return LogRegProbe.run(train, val, test, new ValidationScorer(train, val), options);
    }

    /**
     * Few-shot logistic regression: C chosen on --val when there is one; otherwise a draw is too
     * small to hold anything out, so C = 1 (sklearn's default) is used as it is.
     */
    static Predictions runFewShotLogReg(LabeledFeatures subset, LabeledFeatures val, LabeledFeatures test, long seed) {
        LogRegOptions d = LogRegOptions.defaults();
        double[] cs = val == null ? new double[] {1.0} : d.cs();
        return LogRegProbe.run(subset, val, test, new ValidationScorer(subset, val),
                new LogRegOptions(seed, cs, d.maxIter(), d.gtol(), d.holdoutFraction())).test();
    }

    /** Few-shot linear probe: the grid is searched on --val when there is one; otherwise one setting (last block, lr 0.01). */
    static Predictions runFewShotLinear(EvalInputs inputs, int[] rows, long seed) {
        ProbeFeatures train = EvalInputs.probe(inputs.trainInput).select(rows);
        ProbeFeatures val = inputs.valInput == null ? null : EvalInputs.probe(inputs.valInput);
        LinearProbeOptions base = LinearProbeOptions.defaults().withSeed(seed);
        LinearProbeOptions options = val != null ? inputs.probeGrid(base)
                : new LinearProbeOptions(seed, List.of(1), List.of(false), new double[] {0.01}, base.epochs(), base.minIterations(),
                        base.batchSize(), base.holdoutFraction());
        LabeledFeatures trainLabels = inputs.trainFeatures().select(rows);
        return LinearProbe.run(train, val, EvalInputs.probe(inputs.testInput), new ValidationScorer(trainLabels, inputs.valFeatures()), options).test();
    }

    /** Every few-shot protocol, per shot count, mean ± sd over the draws, into {@code report}. */
    static void fewShot(EvalInputs inputs, EvalReport report, int[] shots, int draws, int k, boolean withProbes) {
        LabeledFeatures train = inputs.trainFeatures();
        LabeledFeatures test = inputs.testFeatures();
        boolean multi = train.task() == Task.MULTILABEL;
        for (int n : shots) {
            Map<String, List<Map<String, MetricInterval>>> perDraw = new LinkedHashMap<>();
            for (FewShotDraw draw : FewShot.draws(train, new int[] {n}, draws, report.seed)) {
                LabeledFeatures subset = train.select(draw.rows());
                var knn = multi
                        ? MlKnn.predict(subset, test, new int[] {k}, MlKnn.DEFAULT_SMOOTHING).get(0).predictions()
                        : WeightedKnn.predict(subset, test, new int[] {k}, WeightedKnn.DEFAULT_TEMPERATURE).get(0).predictions();
                perDraw.computeIfAbsent(multi ? "fewshot-mlknn" : "fewshot-knn", p -> new ArrayList<>()).add(report.pointScores(test, knn));
                if (withProbes) {
                    var logreg = runFewShotLogReg(subset, inputs.valFeatures(), test, report.seed + draw.drawIndex());
                    perDraw.computeIfAbsent("fewshot-logreg", p -> new ArrayList<>()).add(report.pointScores(test, logreg));
                    var linear = runFewShotLinear(inputs, draw.rows(), report.seed + draw.drawIndex());
                    perDraw.computeIfAbsent("fewshot-linear", p -> new ArrayList<>()).add(report.pointScores(test, linear));
                }
            }
            for (Map.Entry<String, List<Map<String, MetricInterval>>> e : perDraw.entrySet()) {
                Map<String, Object> s = setting("shots", n);
                s.put("draws", draws);
                if (e.getKey().contains("knn")) s.put("k", k);
                report.addAggregated(e.getKey(), s, FewShotSummary.meanSd(e.getValue()));
            }
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "fewshot", description = {"Few-shot: n images per class (multi-label: n patients per finding), several seeded draws,",
            "through kNN (ML-kNN), logistic regression and linear probing; mean ± sd over draws (the interval columns",
            "hold mean − sd and mean + sd)."},
            footer = {"", "Example:", "  medino eval fewshot --train features/ds --test features/ds --shots 1,2,4,8,16 --draws 5 --out results/fewshot"})
    static final class FewShotCommand implements Callable<Integer> {
        @Mixin EvalInputs inputs = new EvalInputs();
        @Mixin EvalReport report = new EvalReport();

        @Option(names = "--shots", split = ",", paramLabel = "N", description = "Images per class (default: 1,2,4,8,16).")
        int[] shots = FewShot.DEFAULT_SHOTS;

        @Option(names = "--draws", defaultValue = "5", paramLabel = "D", description = "Seeded draws per shot count (default: ${DEFAULT-VALUE}).")
        int draws;

        @Option(names = "--k", defaultValue = "20", paramLabel = "K", description = "Neighbours of the kNN (multi-label: ML-kNN) classifier (default: ${DEFAULT-VALUE}).")
        int k;

        @Option(names = "--knn-only", negatable = false, description = "Skip the logistic-regression and linear-probe few-shot runs.")
        boolean knnOnly;

        @Override
        public Integer call() {
            inputs.load();
            fewShot(inputs, report, shots, draws, k, !knnOnly);
            report.finish("eval fewshot", Map.of("shots", shots, "draws", draws, "k", k), inputs);
            return 0;
        }
    }
}
