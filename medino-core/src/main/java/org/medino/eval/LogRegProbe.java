package org.medino.eval;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.medino.MedinoException;

/**
 * Logistic regression on frozen features as DINOv2's log_regression (dinov2/eval/log_regression.py):
 * sweep C over {@code 10^linspace(-6, 5, 45)}, choose C by the task metric on a validation split
 * (or on a seeded 10 % of train when there is none), refit with that C on all labelled rows
 * (train + validation) and predict the test split.
 *
 * <p>The sweep runs from the smallest C up, each fit starting from the previous solution: the
 * optimum moves smoothly with C, so warm starts save most of the iterations. The minimum does not
 * depend on the start (the objective is strictly convex in the penalised weights), only the time.
 */
public final class LogRegProbe {
    private LogRegProbe() {}

    /**
     * @param val validation split, or null to hold out part of train
     * @param scorer higher is better; gets the predictions for the validation rows (by id), NaN if it cannot score them
     */
    public static LogRegResult run(LabeledFeatures train, LabeledFeatures val, LabeledFeatures test,
            Function<Predictions, Double> scorer, LogRegOptions options) {
        if (options.cs().length == 1) {
            return fitAndPredict(train, val, test, options.cs()[0], List.of(), options); // nothing to choose
        }
        LabeledFeatures fit = train;
        LabeledFeatures select = val;
        if (val == null) {
            Holdout.Split split = Holdout.split(train.n(), train.labels(), train.patientIds(), options.holdoutFraction(), options.seed());
            fit = train.select(split.train());
            select = train.select(split.held());
        }
        if (fit.n() == 0 || select.n() == 0) throw new MedinoException("log. regression needs training and validation rows");
        List<LogRegResult.CScore> sweep;
        try (NDManager manager = NDManager.newBaseManager()) {
            sweep = sweep(manager, fit, select, scorer, options);
        }
        return fitAndPredict(train, val, test, best(sweep), sweep, options);
    }

    /** The final fit with the chosen C on train (+ val), and its test predictions. */
    private static LogRegResult fitAndPredict(LabeledFeatures train, LabeledFeatures val, LabeledFeatures test, double c,
            List<LogRegResult.CScore> sweep, LogRegOptions options) {
        LabeledFeatures all = val == null ? train : train.concat(val);
        try (NDManager manager = NDManager.newBaseManager();
                LogisticRegression lr = new LogisticRegression(manager, all)) {
            LogisticModel model = lr.fit(c, null, options.maxIter(), options.gtol()).model();
            Predictions predictions = new Predictions(test.ids(), model.probabilities(test.x(), test.n()), test.numClasses());
            return new LogRegResult(c, sweep, predictions, model);
        }
    }

    /** Fits every C on {@code fit} (warm-started in increasing C) and scores it on {@code held}. */
    static List<LogRegResult.CScore> sweep(NDManager manager, LabeledFeatures fit, LabeledFeatures held,
            Function<Predictions, Double> scorer, LogRegOptions options) {
        List<LogRegResult.CScore> out = new ArrayList<>();
        try (LogisticRegression lr = new LogisticRegression(manager, fit)) {
            double[] warm = null;
            for (double c : options.cs()) {
                LogisticRegression.Fit f = lr.fit(c, warm, options.maxIter(), options.gtol());
                warm = f.params();
                Double s = scorer.apply(new Predictions(held.ids(), f.model().probabilities(held.x(), held.n()), held.numClasses()));
                out.add(new LogRegResult.CScore(c, s == null ? Double.NaN : s, f.iterations(), f.converged()));
            }
        }
        return out;
    }

    /** The C of the best score; the first (smallest C) among ties, as numpy's argmax. */
    static double best(List<LogRegResult.CScore> sweep) {
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestC = Double.NaN;
        for (LogRegResult.CScore s : sweep) {
            if (s.score() > bestScore) {
                bestScore = s.score();
                bestC = s.c();
            }
        }
        if (Double.isNaN(bestC)) throw new MedinoException("no C could be scored on the validation split");
        return bestC;
    }
}
