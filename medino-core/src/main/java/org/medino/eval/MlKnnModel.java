package org.medino.eval;

/**
 * The statistics ML-kNN (Zhang &amp; Zhou, Pattern Recognition 40(7), 2007) learns for one k, and the
 * posterior they give.
 *
 * <p>For finding l with smoothing s, over the m train rows:
 *
 * <ul>
 *   <li>prior P(H1_l) = (s + #rows with l) / (2s + m), P(H0_l) = 1 - P(H1_l);
 *   <li>c[l][j] = #rows WITH l whose k nearest OTHER train rows contain exactly j rows with l, and
 *       c'[l][j] the same for rows without l;
 *   <li>P(E_j | H1_l) = (s + c[l][j]) / (s(k+1) + Σ_j c[l][j]), likewise P(E_j | H0_l) from c'.
 * </ul>
 *
 * A query whose k nearest train rows hold j rows with l gets P(H1_l | E_j) =
 * P(H1)P(E_j|H1) / (P(H1)P(E_j|H1) + P(H0)P(E_j|H0)), the probability scikit-multilearn's
 * {@code MLkNN.predict_proba} reports (the paper thresholds it at 1/2).
 *
 * @param k neighbours per row
 * @param smoothing s
 * @param priorTrue P(H1_l), per finding
 * @param condTrue P(E_j | H1_l), row-major [findings, k + 1]
 * @param condFalse P(E_j | H0_l), row-major [findings, k + 1]
 */
public record MlKnnModel(int k, double smoothing, double[] priorTrue, double[] condTrue, double[] condFalse) {

    public MlKnnModel {
        if (condTrue.length != priorTrue.length * (k + 1) || condFalse.length != condTrue.length) {
            throw new IllegalArgumentException("conditional tables must be [" + priorTrue.length + ", " + (k + 1) + "]");
        }
    }

    public int findings() {
        return priorTrue.length;
    }

    /**
     * Learns the statistics from the train rows' leave-one-out neighbours (each row's nearest OTHER
     * rows; at least k of them) and their multi-hot labels [m, findings].
     */
    public static MlKnnModel fit(Neighbors trainNeighbours, byte[] multiHot, int findings, int k, double smoothing) {
        int m = trainNeighbours.queries();
        if (k < 1 || k > trainNeighbours.m()) {
            throw new IllegalArgumentException("k = " + k + " needs 1.." + trainNeighbours.m() + " neighbours");
        }
        if (multiHot.length != (long) m * findings) {
            throw new IllegalArgumentException("labels do not match " + m + " rows and " + findings + " findings");
        }
        double[] prior = new double[findings];
        long[] c = new long[findings * (k + 1)];
        long[] cn = new long[findings * (k + 1)];
        int[] counts = new int[findings];
        for (int i = 0; i < m; i++) {
            neighbourCounts(trainNeighbours, multiHot, findings, k, i, counts);
            for (int l = 0; l < findings; l++) {
                if (multiHot[i * findings + l] != 0) {
                    prior[l]++;
                    c[l * (k + 1) + counts[l]]++;
                } else {
                    cn[l * (k + 1) + counts[l]]++;
                }
            }
        }
        double[] condTrue = new double[findings * (k + 1)];
        double[] condFalse = new double[findings * (k + 1)];
        for (int l = 0; l < findings; l++) {
            prior[l] = (smoothing + prior[l]) / (2 * smoothing + m);
            long sumTrue = 0;
            long sumFalse = 0;
            for (int j = 0; j <= k; j++) {
                sumTrue += c[l * (k + 1) + j];
                sumFalse += cn[l * (k + 1) + j];
            }
            for (int j = 0; j <= k; j++) {
                condTrue[l * (k + 1) + j] = (smoothing + c[l * (k + 1) + j]) / (smoothing * (k + 1) + sumTrue);
                condFalse[l * (k + 1) + j] = (smoothing + cn[l * (k + 1) + j]) / (smoothing * (k + 1) + sumFalse);
            }
        }
        return new MlKnnModel(k, smoothing, prior, condTrue, condFalse);
    }

    /** P(H1_l | exactly j of the k neighbours have finding l). */
    public double posterior(int l, int j) {
        double yes = priorTrue[l] * condTrue[l * (k + 1) + j];
        double no = (1 - priorTrue[l]) * condFalse[l * (k + 1) + j];
        return yes / (yes + no);
    }

    /**
     * Per-finding probabilities of the queries whose train neighbours (nearest first, at least k) are
     * given; only the first k are used.
     */
    public Predictions predict(Neighbors queryNeighbours, byte[] trainMultiHot, String[] ids) {
        if (ids.length != queryNeighbours.queries()) {
            throw new IllegalArgumentException(ids.length + " ids for " + queryNeighbours.queries() + " queries");
        }
        if (k > queryNeighbours.m()) {
            throw new IllegalArgumentException("k = " + k + " but only " + queryNeighbours.m() + " neighbours");
        }
        int findings = findings();
        float[] scores = new float[ids.length * findings];
        int[] counts = new int[findings];
        for (int q = 0; q < ids.length; q++) {
            neighbourCounts(queryNeighbours, trainMultiHot, findings, k, q, counts);
            for (int l = 0; l < findings; l++) {
                scores[q * findings + l] = (float) posterior(l, counts[l]);
            }
        }
        return new Predictions(ids.clone(), scores, findings);
    }

    /** counts[l] = how many of query q's first k neighbours have finding l. */
    private static void neighbourCounts(Neighbors nb, byte[] multiHot, int findings, int k, int q, int[] counts) {
        java.util.Arrays.fill(counts, 0);
        for (int j = 0; j < k; j++) {
            int row = nb.index(q, j);
            for (int l = 0; l < findings; l++) {
                if (multiHot[row * findings + l] != 0) {
                    counts[l]++;
                }
            }
        }
    }
}
