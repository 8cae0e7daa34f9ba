package org.medino.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.medino.MedinoException;

/**
 * The weighted k-nearest-neighbour classifier of DINOv2's evaluation ({@code dinov2/eval/knn.py}),
 * for single-label (binary and multi-class) tasks.
 *
 * <p>Train and test features are L2-normalized; each test row's neighbours are the max(k) train rows
 * of highest cosine similarity s (one search serves every k). Neighbour j votes for its class with
 * weight exp(s_j / T). DINOv2 computes these weights as a softmax over all max(k) neighbours and,
 * for a smaller k, sums the first k of them; its class scores for k &lt; max(k) therefore sum to
 * less than 1. We report <b>probabilities</b>: the class scores of the first k neighbours divided by
 * their sum. That equals DINOv2's scores times one positive factor per test row and k, so the
 * ranking of classes (top-1/top-5 accuracy) and any per-row-normalized metric are unchanged, and
 * the rows sum to 1 as {@link Predictions} requires. The weights are computed as
 * exp((s_j - s_0) / T) with s_0 the nearest similarity (what softmax does internally), so nothing
 * overflows for any T.
 *
 * <p>A k larger than the train set is clamped to the train-set size (all train rows vote); the
 * {@link KnnResult} keeps the requested k and records the number actually used. DINOv2 instead drops
 * such k from its few-shot runs; clamping keeps the output keyed by the same k for every run.
 *
 * <p>Ties: train rows with exactly equal similarity are ordered as libtorch's CPU {@code topk}
 * returns them (see {@link CosineIndex}); this matters only when a tie straddles the cut at some k,
 * and then neither DINOv2's nor this output is reproducible across libtorch versions.
 */
public final class WeightedKnn {
    /** DINOv2's default {@code nb_knn}. */
    public static final int[] DEFAULT_KS = {10, 20, 100, 200};
    /** DINOv2's default voting temperature. */
    public static final double DEFAULT_TEMPERATURE = 0.07;

    private WeightedKnn() {}

    /** Predictions for k = 10, 20, 100, 200 at T = 0.07. */
    public static List<KnnResult> predict(LabeledFeatures train, LabeledFeatures test) {
        return predict(train, test, DEFAULT_KS, DEFAULT_TEMPERATURE);
    }

    /** Predictions for each k in {@code ks} (in that order), all from one top-max(k) search. */
    public static List<KnnResult> predict(LabeledFeatures train, LabeledFeatures test, int[] ks, double temperature) {
        check(train, test, ks, temperature);
        int maxK = Arrays.stream(ks).max().getAsInt();
        Neighbors neighbours;
        try (CosineIndex index = CosineIndex.of(train)) {
            neighbours = index.search(test.x(), test.n(), maxK);
        }
        return vote(neighbours, train.labels(), train.numClasses(), test.ids(), ks, temperature);
    }

    /**
     * The weighted votes of precomputed neighbours (nearest first), for each k in {@code ks}. A k
     * above {@code neighbours.m()} is clamped to it.
     */
    public static List<KnnResult> vote(
            Neighbors neighbours, int[] trainLabels, int classes, String[] ids, int[] ks, double temperature) {
        if (ids.length != neighbours.queries()) {
            throw new IllegalArgumentException(ids.length + " ids for " + neighbours.queries() + " queries");
        }
        int q = neighbours.queries();
        int m = neighbours.m();
        int[] used = new int[ks.length];
        float[][] scores = new float[ks.length][q * classes];
        for (int i = 0; i < ks.length; i++) {
            used[i] = Math.min(ks[i], m);
        }
        double[] votes = new double[classes];
        for (int r = 0; r < q; r++) {
            Arrays.fill(votes, 0);
            double total = 0;
            double nearest = neighbours.similarity(r, 0);
            // Accumulate neighbours nearest first; whenever the count reaches one of the k,
            // that k's scores are the running sums (any order of ks works, duplicates too).
            for (int j = 0; j < m; j++) {
                double w = Math.exp((neighbours.similarity(r, j) - nearest) / temperature);
                votes[trainLabels[neighbours.index(r, j)]] += w;
                total += w;
                for (int i = 0; i < ks.length; i++) {
                    if (used[i] == j + 1) {
                        for (int c = 0; c < classes; c++) {
                            scores[i][r * classes + c] = (float) (votes[c] / total);
                        }
                    }
                }
            }
        }
        List<KnnResult> results = new ArrayList<>(ks.length);
        for (int i = 0; i < ks.length; i++) {
            results.add(new KnnResult(ks[i], used[i], new Predictions(ids.clone(), scores[i], classes)));
        }
        return results;
    }

    private static void check(LabeledFeatures train, LabeledFeatures test, int[] ks, double temperature) {
        if (train.labels() == null) {
            throw new MedinoException("kNN voting needs single-label train data; use ML-kNN for multi-label data");
        }
        if (train.n() < 1) {
            throw new MedinoException("kNN needs at least one train row");
        }
        if (train.d() != test.d()) {
            throw new MedinoException("train features have width " + train.d() + ", test features " + test.d());
        }
        if (!Arrays.equals(train.classNames(), test.classNames())) {
            throw new MedinoException("train and test data have different classes");
        }
        if (ks.length == 0 || Arrays.stream(ks).anyMatch(k -> k < 1)) {
            throw new MedinoException("k must be one or more positive numbers: " + Arrays.toString(ks));
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new MedinoException("temperature must be a positive number: " + temperature);
        }
    }
}
