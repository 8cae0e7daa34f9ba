package org.medino.train;

/**
 * A per-step learning rate: optional linear warmup, then a cosine decay to 0.
 *
 * <ul>
 *   <li>warmup, step t &lt; W: lr_t = base · (t + 1) / W, so the first step is already non-zero
 *       and step W − 1 reaches base;</li>
 *   <li>after warmup, W ≤ t &lt; T: lr_t = base · ½ (1 + cos(π · (t − W) / (T − W)));</li>
 *   <li>t ≥ T: 0.</li>
 * </ul>
 * With W = 0 this is torch's {@code CosineAnnealingLR(optimizer, T_max=T, eta_min=0)} stepped once
 * per iteration, and exactly the closed form of {@code org.medino.eval.CosineSchedule.factor(t, T)}
 * (same expression, so the same doubles). With warmup the cosine spans the remaining T − W steps,
 * so the curve is continuous at W and still ends at 0 at T.
 *
 * @param baseLr the peak learning rate
 * @param warmupSteps W, 0 for none
 * @param totalSteps T, the whole run in optimizer steps (warmup included)
 */
public record CosineSchedule(double baseLr, int warmupSteps, int totalSteps) {

    public CosineSchedule {
        if (warmupSteps < 0 || totalSteps <= warmupSteps) {
            throw new IllegalArgumentException("need 0 <= warmup steps < total steps, got warmup "
                    + warmupSteps + " of " + totalSteps);
        }
    }

    /** The learning rate of step {@code t} (0-based). */
    public double lr(long t) {
        if (t < 0) throw new IllegalArgumentException("negative step " + t);
        if (t < warmupSteps) return baseLr * (t + 1) / warmupSteps;
        if (t >= totalSteps) return 0.0;
        return baseLr * factor(t - warmupSteps, totalSteps - warmupSteps);
    }

    /** ½ (1 + cos(π t / T)): the cosine factor, identical to the linear probe's. */
    public static double factor(long t, long span) {
        return 0.5 * (1.0 + Math.cos(Math.PI * t / span));
    }
}
