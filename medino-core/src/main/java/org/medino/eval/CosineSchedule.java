package org.medino.eval;

/**
 * The learning-rate factor of DINOv2's linear probe: {@code CosineAnnealingLR(optimizer, max_iter,
 * eta_min=0)} stepped once per iteration, so iteration t (0-based) trains with
 * {@code lr * (1 + cos(pi * t / maxIter)) / 2}. Torch computes the same curve recursively; the
 * closed form differs from it only by rounding.
 */
final class CosineSchedule {
    private CosineSchedule() {}

    static double factor(int iteration, int maxIter) {
        return 0.5 * (1.0 + Math.cos(Math.PI * iteration / maxIter));
    }
}
