package org.medino.bench;

import java.util.List;
import java.util.Random;
import org.medino.eval.LinearProbe;
import org.medino.eval.LinearProbeOptions;
import org.medino.eval.LinearProbeResult;
import org.medino.eval.ProbeFeatures;
import org.medino.eval.Scorers;

/**
 * Times the full DINOv2 linear-probe grid (n_last_blocks {1, 4} × avgpool × 13 learning rates =
 * 52 heads) on 50 000 training rows of ViT-S-sized features (4 CLS tokens + patch mean, D = 384;
 * widest head input 1 920), 10 classes, 10 epochs at batch 128. Features and labels are random.
 * A harness, not a test: run its main method.
 */
public final class LinearProbeBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int d = 384, classes = 10;
        ProbeFeatures train = random(n, d, classes, 1, "tr");
        ProbeFeatures val = random(5_000, d, classes, 2, "va");
        ProbeFeatures test = random(5_000, d, classes, 3, "te");
        LinearProbeOptions options = LinearProbeOptions.defaults().withEpochs(epochs);
        long t0 = System.nanoTime();
        LinearProbeResult r = LinearProbe.run(train, val, test, Scorers.accuracy(val.ids(), val.labels()), options);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("linear probe: %d train rows, %d heads, %d grid iterations + %d final iterations, %.1f s total%n",
                n, r.validation().size(), r.gridIterations(), r.finalIterations(), seconds);
        System.out.printf("best %s, val score %.4f%n", r.best().name(),
                r.validation().stream().mapToDouble(LinearProbeResult.HeadScore::score).max().orElse(Double.NaN));
    }

    static ProbeFeatures random(int n, int d, int classes, long seed, String prefix) {
        Random random = new Random(seed);
        float[] cls = new float[n * 4 * d];
        float[] patch = new float[n * d];
        for (int i = 0; i < cls.length; i++) cls[i] = (float) random.nextGaussian();
        for (int i = 0; i < patch.length; i++) patch[i] = (float) random.nextGaussian();
        int[] labels = new int[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
            ids[i] = prefix + i;
        }
        return new ProbeFeatures(ids, cls, patch, n, 4, d, labels, null, classNames(classes), null);
    }

    private LinearProbeBench() {}

    private static String[] classNames(int k) {
        String[] names = new String[k];
        for (int i = 0; i < k; i++) names[i] = "c" + i;
        return names;
    }
}
