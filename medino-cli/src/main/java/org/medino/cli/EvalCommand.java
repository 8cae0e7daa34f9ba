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
import org.medino.eval.MlKnn;
import org.medino.eval.Task;
import org.medino.eval.WeightedKnn;
import org.medino.report.MetricInterval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medino eval knn|mlknn|fewshot|...}: frozen-feature protocols on stores or feature files. */
@Command(name = "eval", description = "Evaluate frozen features with the protocols of the DINOv2 radiology benchmark.",
        subcommands = {EvalCommand.Knn.class, EvalCommand.MlKnnCommand.class, EvalCommand.FewShotCommand.class})
final class EvalCommand {
    private EvalCommand() {}

    static Map<String, Object> setting(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    @Command(name = "knn", description = {"Weighted kNN as DINOv2's evaluation: L2-normalized features, cosine top-k,",
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

    @Command(name = "mlknn", description = "ML-kNN (Zhang & Zhou 2007; cosine distance, smoothing 1) for multi-label tasks.",
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

    @Command(name = "fewshot", description = {"Few-shot: n images per class (multi-label: n patients per finding), several seeded draws,",
            "mean ± sd over draws (the interval columns hold mean − sd and mean + sd)."},
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

        @Override
        public Integer call() {
            inputs.load();
            LabeledFeatures train = inputs.trainFeatures();
            LabeledFeatures test = inputs.testFeatures();
            boolean multi = train.task() == Task.MULTILABEL;
            String protocol = multi ? "fewshot-mlknn" : "fewshot-knn";
            for (int n : shots) {
                List<Map<String, MetricInterval>> perDraw = new ArrayList<>();
                for (FewShotDraw draw : FewShot.draws(train, new int[] {n}, draws, report.seed)) {
                    LabeledFeatures subset = train.select(draw.rows());
                    var predictions = multi
                            ? MlKnn.predict(subset, test, new int[] {k}, MlKnn.DEFAULT_SMOOTHING).get(0).predictions()
                            : WeightedKnn.predict(subset, test, new int[] {k}, WeightedKnn.DEFAULT_TEMPERATURE).get(0).predictions();
                    perDraw.add(report.pointScores(test, predictions));
                }
                Map<String, Object> s = setting("shots", n);
                s.put("draws", draws);
                s.put("k", k);
                report.addAggregated(protocol, s, FewShotSummary.meanSd(perDraw));
            }
            report.finish("eval fewshot", Map.of("shots", shots, "draws", draws, "k", k), inputs);
            return 0;
        }
    }
}
