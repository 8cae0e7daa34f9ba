package org.medino.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.medino.eval.CosineIndex;
import org.medino.eval.KnnResult;
import org.medino.eval.LabeledFeatures;
import org.medino.eval.Neighbors;
import org.medino.eval.WeightedKnn;

/**
 * Timing harness, not a test: 10 000 queries against 100 000 random train rows of width 768 (the
 * ViT-B feature width), k = 10, 20, 100, 200, through {@link WeightedKnn#predict}.
 *
 * <p>Run after {@code mvn -o test-compile} with target/classes, target/test-classes and the runtime
 * dependencies on the class path; optional arguments: train rows, queries, width, repeats.
 */
public final class KnnBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int q = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int d = args.length > 2 ? Integer.parseInt(args[2]) : 768;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int classes = 14;
        SplittableRandom random = new SplittableRandom(1);
        LabeledFeatures train = features("t", n, d, classes, random);
        LabeledFeatures test = features("q", q, d, classes, random);
        System.out.printf("train [%d, %d], queries [%d, %d], k %s, %d cores%n",
                n, d, q, d, Arrays.toString(WeightedKnn.DEFAULT_KS), Runtime.getRuntime().availableProcessors());
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            Neighbors nb;
            long t1;
            try (CosineIndex index = CosineIndex.of(train)) {
                t1 = System.nanoTime();
                nb = index.search(test.x(), test.n(), 200);
            }
            long t2 = System.nanoTime();
            List<KnnResult> results = WeightedKnn.vote(nb, train.labels(), classes, test.ids(),
                    WeightedKnn.DEFAULT_KS, WeightedKnn.DEFAULT_TEMPERATURE);
            long t3 = System.nanoTime();
            System.out.printf("run %d: index %.2f s, search (matmul + top-200) %.2f s, voting %.2f s, total %.2f s (%d results)%n",
                    r, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t0) / 1e9, results.size());
        }
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            WeightedKnn.predict(train, test);
            System.out.printf("WeightedKnn.predict end to end, run %d: %.2f s%n", r, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static LabeledFeatures features(String prefix, int n, int d, int classes, SplittableRandom random) {
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        int[] labels = new int[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
            ids[i] = prefix + i;
        }
        String[] names = new String[classes];
        Arrays.setAll(names, i -> "class" + i);
        return new LabeledFeatures(ids, x, n, d, labels, null, names, null);
    }
}
