package org.medino.eval;

import java.util.Arrays;

/**
 * Limited-memory BFGS with a strong-Wolfe line search (Nocedal & Wright, Algorithms 7.4, 3.5 and
 * 3.6), in float64. It plays the part of scipy's L-BFGS-B (used by sklearn's {@code lbfgs} solver)
 * and cuML's L-BFGS (used by DINOv2's log_regression) for smooth unconstrained problems.
 *
 * <p>Stops when the largest gradient entry is at most {@code gtol}, after {@code maxIter}
 * iterations, or when no step along the search direction lowers the objective any more (the
 * objective is then flat to rounding, the best float64 can do).
 */
final class Lbfgs {
    /** A smooth function: returns f(x) and writes its gradient into {@code grad}. */
    interface Objective {
        double evaluate(double[] x, double[] grad);
    }

    /**
     * The minimiser found, its value and gradient size, and how the run ended: {@code converged}
     * when it stopped before the iteration cap, on the gradient tolerance or because the objective
     * is flat to rounding along every direction tried.
     */
    record Result(double[] x, double f, double gradMax, int iterations, int evaluations, boolean converged) {}

    static final int HISTORY = 10; // scipy's default maxcor
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_LINE_SEARCH = 40;

    private final Objective fn;
    private final int dim;
    private int evaluations;

    private Lbfgs(Objective fn, int dim) {
        this.fn = fn;
        this.dim = dim;
    }

    static Result minimize(Objective fn, double[] x0, int maxIter, double gtol) {
        return new Lbfgs(fn, x0.length).run(x0, maxIter, gtol);
    }

    private Result run(double[] x0, int maxIter, double gtol) {
        double[] x = x0.clone();
        double[] g = new double[dim];
        double f = eval(x, g);
        double[][] s = new double[HISTORY][];
        double[][] y = new double[HISTORY][];
        double[] rho = new double[HISTORY];
        int stored = 0, newest = -1;
        double[] d = new double[dim];
        int iter = 0;
        boolean converged = maxAbs(g) <= gtol;
        while (!converged && iter < maxIter) {
            twoLoop(g, s, y, rho, stored, newest, d);
            double slope = dot(d, g);
            if (!(slope < 0)) { // not a descent direction (rounding): fall back to steepest descent
                stored = 0;
                for (int i = 0; i < dim; i++) d[i] = -g[i];
                slope = dot(d, g);
            }
            // first step: unit step on the scaled steepest descent, as scipy does, capped at 1
            double alpha0 = stored == 0 ? Math.min(1.0, 1.0 / Math.sqrt(dot(g, g))) : 1.0;
            LineSearch ls = lineSearch(x, f, g, d, slope, alpha0);
            if (ls == null) {
                if (stored > 0) { // retry once from scratch with steepest descent
                    stored = 0;
                    continue;
                }
                break; // flat to rounding along -g: nothing left to gain
            }
            iter++;
            double[] sNew = new double[dim];
            double[] yNew = new double[dim];
            for (int i = 0; i < dim; i++) {
                sNew[i] = ls.x[i] - x[i];
                yNew[i] = ls.g[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            if (sy > 1e-12 * dot(yNew, yNew)) { // keep the curvature pair only if it is positive
                newest = (newest + 1) % HISTORY;
                s[newest] = sNew;
                y[newest] = yNew;
                rho[newest] = 1.0 / sy;
                stored = Math.min(stored + 1, HISTORY);
            }
            x = ls.x;
            g = ls.g;
            f = ls.f;
            converged = maxAbs(g) <= gtol;
        }
        return new Result(x, f, maxAbs(g), iter, evaluations, iter < maxIter || maxAbs(g) <= gtol);
    }

    /** d = -H g with the implicit inverse-Hessian approximation of the stored pairs. */
    private void twoLoop(double[] g, double[][] s, double[][] y, double[] rho, int stored, int newest, double[] d) {
        for (int i = 0; i < dim; i++) d[i] = -g[i];
        if (stored == 0) return;
        double[] a = new double[HISTORY];
        for (int k = 0, j = newest; k < stored; k++, j = (j - 1 + HISTORY) % HISTORY) {
            a[j] = rho[j] * dot(s[j], d);
            axpy(-a[j], y[j], d);
        }
        double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
        for (int i = 0; i < dim; i++) d[i] *= gamma;
        int oldest = (newest - stored + 1 + HISTORY) % HISTORY;
        for (int k = 0, j = oldest; k < stored; k++, j = (j + 1) % HISTORY) {
            double b = rho[j] * dot(y[j], d);
            axpy(a[j] - b, s[j], d);
        }
    }

    private record LineSearch(double[] x, double f, double[] g) {}

    /** A point at x + alpha d meeting the strong Wolfe conditions, or null if none was found. */
    private LineSearch lineSearch(double[] x, double f0, double[] g0, double[] d, double slope0, double alphaInit) {
        double aPrev = 0, fPrev = f0, dPrev = slope0;
        double a = alphaInit;
        for (int i = 0; i < MAX_LINE_SEARCH; i++) {
            double[] xa = step(x, a, d);
            double[] ga = new double[dim];
            double fa = eval(xa, ga);
            double da = dot(ga, d);
            if (!Double.isFinite(fa)) { // overflow: shrink
                a = 0.5 * (aPrev + a);
                continue;
            }
            if (fa > f0 + C1 * a * slope0 || (i > 0 && fa >= fPrev)) {
                return zoom(x, f0, d, slope0, aPrev, fPrev, dPrev, a, fa, da);
            }
            if (Math.abs(da) <= -C2 * slope0) return new LineSearch(xa, fa, ga);
            if (da >= 0) return zoom(x, f0, d, slope0, a, fa, da, aPrev, fPrev, dPrev);
            aPrev = a;
            fPrev = fa;
            dPrev = da;
            a *= 2;
        }
        return null;
    }

    private LineSearch zoom(double[] x, double f0, double[] d, double slope0,
            double lo, double fLo, double dLo, double hi, double fHi, double dHi) {
        LineSearch bestLo = null;
        for (int i = 0; i < MAX_LINE_SEARCH; i++) {
            double a = cubicMin(lo, fLo, dLo, hi, fHi, dHi);
            double left = Math.min(lo, hi), width = Math.abs(hi - lo);
            if (!(a > left + 0.1 * width && a < left + 0.9 * width)) a = 0.5 * (lo + hi);
            if (width <= 1e-16 * Math.max(1, Math.abs(a))) break;
            double[] xa = step(x, a, d);
            double[] ga = new double[dim];
            double fa = eval(xa, ga);
            double da = dot(ga, d);
            if (!Double.isFinite(fa) || fa > f0 + C1 * a * slope0 || fa >= fLo) {
                hi = a;
                fHi = fa;
                dHi = da;
            } else {
                if (Math.abs(da) <= -C2 * slope0) return new LineSearch(xa, fa, ga);
                bestLo = new LineSearch(xa, fa, ga);
                if (da * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    dHi = dLo;
                }
                lo = a;
                fLo = fa;
                dLo = da;
            }
        }
        // no Wolfe point, but a strictly lower one still makes progress
        return bestLo != null && bestLo.f < f0 ? bestLo : null;
    }

    /** Minimiser of the cubic through (a, fa, da) and (b, fb, db); NaN if it has none. */
    private static double cubicMin(double a, double fa, double da, double b, double fb, double db) {
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (!(disc >= 0) || !Double.isFinite(fb)) return Double.NaN;
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    private double eval(double[] x, double[] g) {
        evaluations++;
        return fn.evaluate(x, g);
    }

    private static double[] step(double[] x, double a, double[] d) {
        double[] out = Arrays.copyOf(x, x.length);
        axpy(a, d, out);
        return out;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += a * x[i];
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
