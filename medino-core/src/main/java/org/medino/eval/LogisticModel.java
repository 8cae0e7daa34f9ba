package org.medino.eval;

/**
 * A fitted logistic-regression model in sklearn's layout.
 *
 * @param coef weights, row-major [k, d] (sklearn's {@code coef_}; k = 1 for binary)
 * @param intercept [k] (sklearn's {@code intercept_})
 * @param d feature width
 * @param multinomial softmax over k classes; otherwise k independent sigmoids
 * @param binary k = 1 stands for a two-class problem: scores are then [1 − p, p] as sklearn's predict_proba
 */
public record LogisticModel(double[] coef, double[] intercept, int d, boolean multinomial, boolean binary) {
    public int k() {
        return intercept.length;
    }

    /** Scores (as {@link Predictions#scores()}) of the rows of {@code x}, row-major [n, d]. */
    public float[] probabilities(float[] x, int n) {
        double[] wide = new double[x.length];
        for (int i = 0; i < x.length; i++) wide[i] = x[i];
        double[] p = probabilities(wide, n);
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) out[i] = (float) p[i];
        return out;
    }

    /** The same in float64. */
    public double[] probabilities(double[] x, int n) {
        int k = k();
        int classes = binary ? 2 : k;
        double[] out = new double[n * classes];
        double[] z = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double s = intercept[j];
                for (int f = 0; f < d; f++) s += coef[j * d + f] * x[i * d + f];
                z[j] = s;
            }
            if (multinomial) {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) max = Math.max(max, v);
                double sum = 0;
                for (double v : z) sum += Math.exp(v - max);
                for (int j = 0; j < k; j++) out[i * classes + j] = Math.exp(z[j] - max) / sum;
            } else if (binary) {
                double p = LogisticObjective.sigmoid(z[0]);
                out[i * 2] = 1 - p;
                out[i * 2 + 1] = p;
            } else {
                for (int j = 0; j < k; j++) out[i * k + j] = LogisticObjective.sigmoid(z[j]);
            }
        }
        return out;
    }
}
