package org.medino.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medino.eval.FewShot;
import org.medino.eval.FewShotDraw;
import org.medino.eval.KnnResult;
import org.medino.eval.LabeledFeatures;
import org.medino.eval.WeightedKnn;
import org.medino.report.MetricInterval;

/** The demo's evaluation: every frozen-feature protocol on one store, into one report. */
final class DemoProtocols {
    private DemoProtocols() {}

    static void run(Path store, Path out) {
        EvalInputs inputs = new EvalInputs();
        inputs.train = store;
        inputs.val = store;
        inputs.test = store;
        inputs.load();
        EvalReport report = new EvalReport();
        report.out = out;
        report.seed = 0;
        report.bootstrap = 500;
        LabeledFeatures train = inputs.trainFeatures();
        LabeledFeatures test = inputs.testFeatures();
        for (KnnResult r : WeightedKnn.predict(train, test, new int[] {10, 20}, WeightedKnn.DEFAULT_TEMPERATURE)) {
            report.add("knn", EvalCommand.setting("k", r.k()), test, r.predictions());
        }
        for (int n : new int[] {1, 2, 4, 8}) {
            List<Map<String, MetricInterval>> perDraw = new ArrayList<>();
            for (FewShotDraw draw : FewShot.draws(train, new int[] {n}, 5, 0)) {
                var p = WeightedKnn.predict(train.select(draw.rows()), test, new int[] {10}, WeightedKnn.DEFAULT_TEMPERATURE).get(0).predictions();
                perDraw.add(report.pointScores(test, p));
            }
            Map<String, Object> s = EvalCommand.setting("shots", n);
            s.put("draws", 5);
            report.addAggregated("fewshot-knn", s, FewShotSummary.meanSd(perDraw));
        }
        report.finish("demo", Map.of("protocols", List.of("knn", "fewshot-knn")), inputs);
    }
}
