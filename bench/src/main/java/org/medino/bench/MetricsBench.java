package org.medino.bench;

import java.util.Random;
import org.medino.eval.Predictions;
import org.medino.eval.Task;
import org.medino.metrics.Bootstrap;
import org.medino.metrics.Scorer;
import org.medino.metrics.Scores;
import org.medino.metrics.Truth;

/**
 * Not a test: times {@link Scorer} (all multi-class metrics, 1000 bootstrap resamples) on
 * 10 000 samples × 10 classes. Run after {@code ./mvnw -q -DskipTests package}:
 *
 * <pre>java -cp "bench/target/medino-bench.jar:bench/target/lib/*" org.medino.bench.MetricsBench</pre>
 */
public final class MetricsBench {
    private MetricsBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int classes = 10;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : Bootstrap.DEFAULT_RESAMPLES;
        Random random = new Random(1);
        int[] labels = new int[n];
        float[] scores = new float[n * classes];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "s" + i;
            labels[i] = random.nextInt(classes);
            double sum = 0;
            double[] e = new double[classes];
            for (int k = 0; k < classes; k++) {
                e[k] = Math.exp(random.nextGaussian() + (k == labels[i] ? 1.0 : 0));
                sum += e[k];
            }
            for (int k = 0; k < classes; k++) {
                // rounded to 3 decimals, as probabilities read from a CSV often are: many ties
                scores[i * classes + k] = (float) (Math.round(e[k] / sum * 1000) / 1000.0);
            }
        }
        Truth truth = Truth.singleLabel(labels, classes);
        Predictions pred = new Predictions(ids, scores, classes);
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            Scores s = Scorer.score(truth, pred, Task.MULTICLASS, null, run, resamples, null);
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("run %d: %d samples × %d classes × %d resamples: %d ms (auroc %.4f [%.4f, %.4f], %d cores)%n",
                    run, n, classes, resamples, ms, s.get("auroc").value(), s.get("auroc").lower(), s.get("auroc").upper(),
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
