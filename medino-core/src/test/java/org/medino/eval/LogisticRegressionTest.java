package org.medino.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The solver against sklearn's LogisticRegression on small problems (make_expected.py): our
 * objective is no higher than sklearn-lbfgs's (tol=1e-10, which stops early on scipy's default
 * ftol) and coefficients and probabilities match the exact minimum (sklearn newton-cg, tol 1e-14).
 */
class LogisticRegressionTest {
    static final Fixture F = new Fixture("logreg_expected.txt");

    static LabeledFeatures data(String name) {
        int[] s = F.ints(name + ".shape");
        int n = s[0], d = s[1], k = s[2];
        int[] y = F.ints(name + ".y");
        if (name.equals("multilabel")) {
            byte[] m = new byte[y.length];
            for (int i = 0; i < y.length; i++) m[i] = (byte) y[i];
            return new LabeledFeatures(Fixture.ids(n), F.floats(name + ".x"), n, d, null, m, Fixture.names(k), null);
        }
        return new LabeledFeatures(Fixture.ids(n), F.floats(name + ".x"), n, d, y, null, Fixture.names(k), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "three", "five", "separable", "multilabel"})
    void matchesSklearn(String name) {
        int[] s = F.ints(name + ".shape");
        int d = s[1], nt = s[3];
        double c = F.get(name + ".c")[0];
        try (NDManager manager = NDManager.newBaseManager();
                LogisticRegression lr = new LogisticRegression(manager, data(name))) {
            LogisticRegression.Fit fit = lr.fit(c, null, 10_000, 1e-12);
            LogisticModel m = fit.model();

            double[] coef = F.get(name + ".coef");
            double scale = Lbfgs.maxAbs(coef);
            assertThat(m.coef()).hasSameSizeAs(coef);
            double worstCoef = 0, worstP = 0;
            for (int i = 0; i < coef.length; i++) {
                worstCoef = Math.max(worstCoef, Math.abs(m.coef()[i] - coef[i]) / scale);
                assertThat(m.coef()[i]).as("coef %d", i).isCloseTo(coef[i], within(1e-4 * scale));
            }
            double[] intercept = centred(F.get(name + ".intercept"), m.multinomial());
            double[] ours = centred(m.intercept(), m.multinomial());
            for (int i = 0; i < intercept.length; i++) {
                assertThat(ours[i]).as("intercept %d", i).isCloseTo(intercept[i], within(1e-4 * Math.max(1, Math.abs(intercept[i]))));
            }
            double[] proba = F.get(name + ".proba");
            double[] p = m.probabilities(F.get(name + ".xt"), nt);
            for (int i = 0; i < proba.length; i++) worstP = Math.max(worstP, Math.abs(p[i] - proba[i]));
            System.out.printf("logreg %s: max |coef diff|/max|coef| %.1e, max |p diff| %.1e, %d iterations%n",
                    name, worstCoef, worstP, fit.iterations());
            for (int i = 0; i < proba.length; i++) assertThat(p[i]).as("p %d", i).isCloseTo(proba[i], within(1e-5));

            if (!name.equals("multilabel")) {
                // our minimum is as low as the exact one and no higher than sklearn-lbfgs's early stop
                double sk = F.get(name + ".objective")[0];
                double mine = lr.sklearnObjective(c, fit.params());
                assertThat(mine).isLessThanOrEqualTo(F.get(name + ".lbfgs_objective")[0]);
                assertThat(mine).isCloseTo(sk, within(1e-8 * sk));
            }
            assertThat(d).isEqualTo(m.d());
        }
    }

    /** Multinomial intercepts are identified up to a constant; compare them centred. */
    static double[] centred(double[] b, boolean multinomial) {
        double[] out = b.clone();
        if (multinomial) {
            double mean = java.util.Arrays.stream(b).average().orElse(0);
            for (int i = 0; i < out.length; i++) out[i] -= mean;
        }
        return out;
    }
}
