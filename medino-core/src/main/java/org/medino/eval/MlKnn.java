package org.medino.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.medino.MedinoException;

/**
 * ML-kNN (Zhang &amp; Zhou 2007) for multi-label tasks, on cosine neighbours of the frozen features.
 *
 * <p>Neighbours are the rows of smallest cosine distance 1 - cos (the same order as highest cosine
 * similarity of L2-normalized rows, see {@link CosineIndex}). The training statistics use each train
 * row's k nearest OTHER train rows, as the paper defines N(x_i); scikit-multilearn's {@code MLkNN}
 * with its default {@code ignore_first_neighbours=0} instead counts the row itself among its
 * neighbours. The row is excluded by its row number, so duplicates of it still count.
 *
 * <p>Defaults: k = 10 (the paper's choice and scikit-multilearn's default), s = 1 (Laplace
 * smoothing, as in the paper). A list of k is served by one search of max(k) neighbours for the
 * train rows and one for the test rows; each k gets its own statistics. A k of m or more for m
 * train rows is clamped to m - 1, the most leave-one-out neighbours a train row has, and used for
 * the test rows too so statistics and queries agree.
 *
 * <p>Output: per test row and finding, P(H1 | E) normalized against P(H0 | E) (see
 * {@link MlKnnModel#posterior}); findings are independent, rows do not sum to 1.
 *
 * <p>Ties at the k-th neighbour are resolved as libtorch's {@code topk} returns them (see
 * {@link CosineIndex}); they can change a neighbour count and so a probability.
 */
public final class MlKnn {
    public static final int DEFAULT_K = 10;
    public static final double DEFAULT_SMOOTHING = 1.0;

    private MlKnn() {}

    /** Predictions at k = 10, s = 1. */
    public static Predictions predict(LabeledFeatures train, LabeledFeatures test) {
        return predict(train, test, new int[] {DEFAULT_K}, DEFAULT_SMOOTHING).get(0).predictions();
    }

    /** Predictions for each k in {@code ks} (in that order) with smoothing s. */
    public static List<KnnResult> predict(LabeledFeatures train, LabeledFeatures test, int[] ks, double smoothing) {
        check(train, test, ks, smoothing);
        int maxUsed = Math.min(Arrays.stream(ks).max().getAsInt(), train.n() - 1);
        Neighbors trainNeighbours;
        Neighbors testNeighbours;
        try (CosineIndex index = CosineIndex.of(train)) {
            trainNeighbours = index.searchExcludingSelf(maxUsed);
            testNeighbours = index.search(test.x(), test.n(), maxUsed);
        }
        List<KnnResult> results = new ArrayList<>(ks.length);
        for (int k : ks) {
            int used = Math.min(k, maxUsed);
            MlKnnModel model = MlKnnModel.fit(trainNeighbours, train.multiHot(), train.numClasses(), used, smoothing);
            results.add(new KnnResult(k, used, model.predict(testNeighbours, train.multiHot(), test.ids())));
        }
        return results;
    }

    /** The statistics for one k (clamped as above), e.g. to inspect or reuse them. */
    public static MlKnnModel fit(LabeledFeatures train, int k, double smoothing) {
        if (train.multiHot() == null) {
            throw new MedinoException("ML-kNN needs multi-label train data");
        }
        if (k < 1 || !(smoothing > 0)) {
            throw new MedinoException("ML-kNN needs k >= 1 and smoothing > 0, got k = " + k + ", s = " + smoothing);
        }
        if (train.n() < 2) {
            throw new MedinoException("ML-kNN needs at least 2 train rows, got " + train.n());
        }
        int used = Math.min(k, train.n() - 1);
        try (CosineIndex index = CosineIndex.of(train)) {
            return MlKnnModel.fit(index.searchExcludingSelf(used), train.multiHot(), train.numClasses(), used, smoothing);
        }
    }

    private static void check(LabeledFeatures train, LabeledFeatures test, int[] ks, double smoothing) {
        if (train.multiHot() == null) {
            throw new MedinoException("ML-kNN needs multi-label train data; use kNN voting for single-label data");
        }
        if (train.n() < 2) {
            throw new MedinoException("ML-kNN needs at least 2 train rows, got " + train.n());
        }
        if (train.d() != test.d()) {
            throw new MedinoException("train features have width " + train.d() + ", test features " + test.d());
        }
        if (!Arrays.equals(train.classNames(), test.classNames())) {
            throw new MedinoException("train and test data have different findings");
        }
        if (ks.length == 0 || Arrays.stream(ks).anyMatch(k -> k < 1)) {
            throw new MedinoException("k must be one or more positive numbers: " + Arrays.toString(ks));
        }
        // s = 0 can make a posterior 0/0; the paper and scikit-multilearn use s = 1.
        if (!(smoothing > 0) || Double.isInfinite(smoothing)) {
            throw new MedinoException("ML-kNN smoothing must be a positive number: " + smoothing);
        }
    }
}
