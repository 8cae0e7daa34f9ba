package org.medino.eval;

import ai.djl.ndarray.NDManager;

/**
 * L2-regularised logistic regression as sklearn's {@code LogisticRegression(penalty='l2',
 * solver='lbfgs')} defines it, fitted by full-batch L-BFGS in float64 (what DINOv2's
 * log_regression asks of cuML: float64, tol 1e-12, max_iter 1 000).
 *
 * <p>The model form follows the data: multinomial for 3+ classes, sklearn's binary form (one
 * weight vector for class 1) for 2 classes, one binary problem per finding for multi-label data.
 * Features are used as they are, not standardised: DINOv2 feeds raw features to the solver, and
 * standardising would change which C wins.
 *
 * <p>A finding (or class) never positive in the training rows drives its intercept towards
 * −∞; the solver then stops on the gradient tolerance with a probability near 0, which is the
 * sensible prediction (sklearn would refuse such data).
 */
public final class LogisticRegression implements AutoCloseable {
    /** A fit: the model, the packed parameters (for warm starts) and how the solver ended. */
    public record Fit(LogisticModel model, double[] params, int iterations, boolean converged, double gradMax) {}

    private final LogisticObjective objective;
    private final boolean binary;

    public LogisticRegression(NDManager parent, LabeledFeatures data) {
        int k = data.numClasses();
        double[] target;
        LogisticObjective.Kind kind;
        int columns;
        if (data.task() == Task.MULTILABEL) {
            kind = LogisticObjective.Kind.SIGMOID;
            columns = k;
            target = new double[data.n() * k];
            for (int i = 0; i < target.length; i++) target[i] = data.multiHot()[i];
        } else if (data.task() == Task.BINARY) {
            kind = LogisticObjective.Kind.SIGMOID;
            columns = 1;
            target = new double[data.n()];
            for (int i = 0; i < data.n(); i++) target[i] = data.labels()[i];
        } else {
            kind = LogisticObjective.Kind.MULTINOMIAL;
            columns = k;
            target = new double[data.n() * k];
            for (int i = 0; i < data.n(); i++) target[i * k + data.labels()[i]] = 1;
        }
        this.binary = data.task() == Task.BINARY;
        this.objective = new LogisticObjective(parent, kind, data.x(), data.n(), data.d(), target, columns);
    }

    /** Number of packed parameters: k·d weights then k intercepts. */
    public int dimension() {
        return objective.dimension();
    }

    /**
     * Minimises the objective for one C.
     *
     * @param warmStart packed parameters to start from (the previous C's solution along a sweep), or null for zeros
     * @param gtol stop when every entry of the gradient of {@code mean loss + ‖W‖²/(2Cn)} is at most this
     */
    public Fit fit(double c, double[] warmStart, int maxIter, double gtol) {
        objective.setC(c);
        double[] x0 = warmStart != null ? warmStart : new double[objective.dimension()];
        Lbfgs.Result r = Lbfgs.minimize(objective, x0, maxIter, gtol);
        int kd = objective.k * objective.d;
        LogisticModel model = new LogisticModel(java.util.Arrays.copyOf(r.x(), kd),
                java.util.Arrays.copyOfRange(r.x(), kd, r.x().length), objective.d,
                objective.kind == LogisticObjective.Kind.MULTINOMIAL, binary);
        return new Fit(model, r.x(), r.iterations(), r.converged(), r.gradMax());
    }

    /** sklearn's objective {@code C Σ loss + ½‖W‖²} at packed parameters. */
    public double sklearnObjective(double c, double[] params) {
        objective.setC(c);
        return objective.sklearnObjective(params);
    }

    @Override
    public void close() {
        objective.close();
    }
}
