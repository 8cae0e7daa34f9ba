package org.medino.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.medino.eval.KnnResult;
import org.medino.eval.LabeledFeatures;
import org.medino.eval.LinearProbeOptions;
import org.medino.eval.LinearProbeResult;
import org.medino.eval.LogRegResult;
import org.medino.eval.WeightedKnn;

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
        LabeledFeatures test = inputs.testFeatures();
        for (KnnResult r : WeightedKnn.predict(inputs.trainFeatures(), test, new int[] {10, 20}, WeightedKnn.DEFAULT_TEMPERATURE)) {
            report.add("knn", EvalCommand.setting("k", r.k()), test, r.predictions());
        }
        LinearProbeResult linear = EvalCommand.runLinear(inputs, LinearProbeOptions.defaults(), 0);
        report.add("linear", EvalCommand.probeSetting(linear.best()), test, linear.test());
        LogRegResult logreg = EvalCommand.runLogReg(inputs.trainFeatures(), inputs.valFeatures(), test, 0);
        report.add("logreg", EvalCommand.setting("C", logreg.bestC()), test, logreg.test());
        EvalCommand.fewShot(inputs, report, new int[] {1, 2, 4, 8}, 5, 10, true);
        report.finish("demo", Map.of("protocols", List.of("knn", "linear", "logreg", "fewshot")), inputs);
    }
}
