package org.medino.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * sklearn's L2-regularised logistic-regression objective on fixed data, in float64:
 * {@code C · Σ_i loss_i + ½‖W‖²} with the intercepts not penalised (sklearn's lbfgs solver). It is
 * evaluated divided by {@code C·n}, i.e. {@code mean loss + ‖W‖² / (2 C n)}: same minimiser,
 * but values and gradients stay O(1) across the whole C grid, so one gradient tolerance fits all.
 *
 * <p>Two forms, as sklearn:
 * <ul>
 *   <li>{@link Kind#MULTINOMIAL} (3+ classes): softmax over K classes with K weight vectors, all
 *       penalised ({@code multi_class='multinomial'}, the default for lbfgs).</li>
 *   <li>{@link Kind#SIGMOID}: K independent binary problems, sigmoid log-loss per column. K = 1
 *       is sklearn's binary model (one weight vector for class 1); K findings is a multi-label
 *       problem. The columns share nothing, so minimising their sum is the same as fitting one
 *       sklearn binary model per finding.</li>
 * </ul>
 * Parameters are packed as {@code [W (K×d, row-major, sklearn's coef_ layout), b (K)]}. The two
 * products X·Wᵀ and (P−Y)ᵀ·X go to PyTorch through DJL; the O(n·K) rest is plain Java.
 */
final class LogisticObjective implements Lbfgs.Objective, AutoCloseable {
    enum Kind { MULTINOMIAL, SIGMOID }

    final Kind kind;
    final int n;
    final int d;
    final int k;
    private final NDManager manager;
    private final NDArray x;
    private final NDArray xt;
    /** one-hot (multinomial) or 0/1 (sigmoid) targets, row-major [n, k] */
    private final double[] target;
    private double c = 1.0;

    /**
     * @param features row-major [n, d] (widened to float64)
     * @param target row-major [n, k]: one-hot for MULTINOMIAL, 0/1 per column for SIGMOID
     */
    LogisticObjective(NDManager parent, Kind kind, float[] features, int n, int d, double[] target, int k) {
        this.kind = kind;
        this.n = n;
        this.d = d;
        this.k = k;
        this.target = target;
        this.manager = parent.newSubManager();
        double[] wide = new double[features.length];
        for (int i = 0; i < wide.length; i++) wide[i] = features[i];
        this.x = manager.create(wide, new Shape(n, d));
        this.xt = x.transpose();
    }

    void setC(double c) {
        this.c = c;
    }

    int dimension() {
        return k * d + k;
    }

    @Override
    public double evaluate(double[] params, double[] grad) {
        double[] z = logitsTransposed(params); // [k, n]
        double[] resid = new double[k * n]; // (P − Y)ᵀ, [k, n]
        double loss = 0;
        if (kind == Kind.MULTINOMIAL) {
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) max = Math.max(max, z[j * n + i]);
                double sum = 0;
                for (int j = 0; j < k; j++) sum += Math.exp(z[j * n + i] - max);
                double lse = max + Math.log(sum);
                for (int j = 0; j < k; j++) {
                    double p = Math.exp(z[j * n + i] - lse);
                    double y = target[i * k + j];
                    loss += y * (lse - z[j * n + i]);
                    resid[j * n + i] = p - y;
                }
            }
        } else {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < n; i++) {
                    double zi = z[j * n + i];
                    double y = target[i * k + j];
                    // log(1 + e^z) − y z, written to avoid overflow for large |z|
                    loss += (zi > 0 ? zi + Math.log1p(Math.exp(-zi)) : Math.log1p(Math.exp(zi))) - y * zi;
                    resid[j * n + i] = sigmoid(zi) - y;
                }
            }
        }
        double lambda = 1.0 / (c * n);
        double penalty = 0;
        for (int i = 0; i < k * d; i++) penalty += params[i] * params[i];
        double f = loss / n + 0.5 * lambda * penalty;
        double[] gw = residTimesX(resid);
        for (int i = 0; i < k * d; i++) grad[i] = gw[i] / n + lambda * params[i];
        for (int j = 0; j < k; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += resid[j * n + i];
            grad[k * d + j] = sum / n;
        }
        return f;
    }

    /** Z ᵀ = W·Xᵀ + b, [k, n] row-major; the product is made in a scope so nothing outlives it. */
    double[] logitsTransposed(double[] params) {
        double[] z;
        try (NDManager scope = manager.newSubManager()) {
            NDArray w = scope.create(java.util.Arrays.copyOf(params, k * d), new Shape(k, d));
            z = w.matMul(xt).toDoubleArray();
        }
        for (int j = 0; j < k; j++) {
            double b = params[k * d + j];
            for (int i = 0; i < n; i++) z[j * n + i] += b;
        }
        return z;
    }

    /** (P − Y)ᵀ·X, [k, d]. */
    private double[] residTimesX(double[] resid) {
        try (NDManager scope = manager.newSubManager()) {
            return scope.create(resid, new Shape(k, n)).matMul(x).toDoubleArray();
        }
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
    }

    /** sklearn's objective {@code C Σ loss + ½‖W‖²} at {@code params} (for tests and reports). */
    double sklearnObjective(double[] params) {
        double f = evaluate(params, new double[params.length]);
        return f * c * n;
    }

    @Override
    public void close() {
        manager.close();
    }

}
