package org.medino.eval;

import org.medino.MedinoException;

/**
 * Settings of the DINOv2 logistic-regression protocol.
 *
 * @param seed seeds the held-out split
 * @param cs the C grid, swept in increasing order with warm starts
 * @param maxIter L-BFGS iterations per C (DINOv2's DEFAULT_MAX_ITER is 1 000)
 * @param gtol gradient tolerance on the per-sample objective {@code mean loss + ‖W‖²/(2Cn)}
 * @param holdoutFraction share of train held out for choosing C when there is no validation split
 */
public record LogRegOptions(long seed, double[] cs, int maxIter, double gtol, double holdoutFraction) {
    public LogRegOptions {
        cs = cs.clone();
        java.util.Arrays.sort(cs);
        if (cs.length == 0 || cs[0] <= 0) throw new MedinoException("the C grid needs positive values");
        if (maxIter < 1 || !(gtol > 0)) throw new MedinoException("log. regression needs max_iter >= 1 and a positive tolerance");
        if (!(holdoutFraction > 0 && holdoutFraction < 1)) throw new MedinoException("hold-out fraction must be in (0, 1)");
    }

    /**
     * DINOv2's grid {@code 10 ** torch.linspace(-6, 5, 45)}, computed here in float64 (DINOv2's
     * values are float32-rounded, a relative difference below 1e-6).
     */
    public static double[] dinov2Cs() {
        double[] cs = new double[45];
        for (int i = 0; i < cs.length; i++) cs[i] = Math.pow(10, -6 + 11.0 * i / 44);
        return cs;
    }

    /**
     * DINOv2's C grid and iteration cap, seed 0, 10 % hold-out, gradient tolerance 1e-10. The
     * tolerance is tight because at large C the penalty's curvature 1/(Cn) is tiny: a looser one
     * (1e-8) let warm starts at C ≥ 1e4 count as converged after 0 iterations.
     */
    public static LogRegOptions defaults() {
        return new LogRegOptions(0, dinov2Cs(), 1000, 1e-10, 0.1);
    }

    public LogRegOptions withGrid(double[] newCs) {
        return new LogRegOptions(seed, newCs, maxIter, gtol, holdoutFraction);
    }
}
