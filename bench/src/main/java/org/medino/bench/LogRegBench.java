package org.medino.bench;

import java.util.Random;
import org.medino.eval.LabeledFeatures;
import org.medino.eval.LogRegOptions;
import org.medino.eval.LogRegProbe;
import org.medino.eval.LogRegResult;
import org.medino.eval.Scorers;

/**
 * Times the full DINOv2 C sweep (45 values, warm-started) of the logistic-regression protocol on
 * 10 000 × 768 features with 10 classes (C chosen on a 10 % hold-out, final fit on all 10 000).
 * Features are Gaussian around random class centres (signal strength set by the second argument,
 * 0 = pure noise labels, the slowest case for large C). A harness, not a test: run its main method.
 */
public final class LogRegBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double signal = args.length > 1 ? Double.parseDouble(args[1]) : 0.1;
        int d = 768, classes = 10;
        LabeledFeatures train = data(n, d, classes, signal, 1, "tr");
        LabeledFeatures test = data(2_000, d, classes, signal, 2, "te");
        long t0 = System.nanoTime();
        LogRegResult r = LogRegProbe.run(train, null, test, Scorers.accuracy(train.ids(), train.labels()), LogRegOptions.defaults());
        double seconds = (System.nanoTime() - t0) / 1e9;
        int iterations = r.sweep().stream().mapToInt(LogRegResult.CScore::iterations).sum();
        long unconverged = r.sweep().stream().filter(s -> !s.converged()).count();
        System.out.printf("log. regression: %d x %d, %d classes, 45 C, %d sweep iterations (%d C at the iteration cap), %.1f s total%n",
                n, d, classes, iterations, unconverged, seconds);
        System.out.printf("best C %.3g, test accuracy %.4f%n", r.bestC(), Scorers.accuracy(test.ids(), test.labels()).apply(r.test()));
        for (LogRegResult.CScore s : r.sweep()) {
            System.out.printf("  C %.3g: score %.4f, %d iterations%s%n", s.c(), s.score(), s.iterations(), s.converged() ? "" : " (iteration cap)");
        }
    }

    static LabeledFeatures data(int n, int d, int classes, double signal, long seed, String prefix) {
        Random centres = new Random(99);
        double[][] centre = new double[classes][d];
        for (double[] c : centre) for (int j = 0; j < d; j++) c[j] = signal * centres.nextGaussian();
        Random random = new Random(seed);
        float[] x = new float[n * d];
        int[] labels = new int[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
            ids[i] = prefix + i;
            for (int j = 0; j < d; j++) x[i * d + j] = (float) (centre[labels[i]][j] + random.nextGaussian());
        }
        return new LabeledFeatures(ids, x, n, d, labels, null, classNames(classes), null);
    }

    private LogRegBench() {}

    private static String[] classNames(int k) {
        String[] names = new String[k];
        for (int i = 0; i < k; i++) names[i] = "c" + i;
        return names;
    }
}
