package org.medino.eval;

import java.util.List;
import org.medino.MedinoException;

/**
 * Settings of the DINOv2 linear probe.
 *
 * @param seed seeds the held-out split, the head initialisation and the batch order
 * @param nLastBlocks the n_last_blocks grid (DINOv2: 1 and 4)
 * @param avgpool the avgpool grid (DINOv2: without and with the mean patch token); plain feature
 *     files have no patch tokens, so they use {@code [false]} only
 * @param learningRates the learning-rate grid for a batch of 256; the rate used is scaled by
 *     {@code batchSize / 256} as DINOv2's {@code scale_lr} does
 * @param epochs passes over the training rows; the run has {@code epochs * max(1, n / batchSize)}
 *     iterations. (DINOv2 fixes 10 "epochs" of 1 250 iterations, which is one pass over ImageNet at
 *     its total batch of 1 024; here an epoch is one pass over the data at hand.)
 * @param minIterations the fewest SGD steps a run takes whatever the data size (default 1 000): a
 *     few hundred radiographs at 10 epochs would be only tens of steps (DINOv2 always trains 12 500)
 * @param batchSize rows per SGD step (DINOv2: 128 per GPU); smaller data uses all rows per step
 * @param holdoutFraction share of train held out for choosing the head when there is no validation split
 */
public record LinearProbeOptions(
        long seed, List<Integer> nLastBlocks, List<Boolean> avgpool, double[] learningRates, int epochs, int minIterations,
        int batchSize, double holdoutFraction) {

    /** DINOv2's learning-rate grid ({@code --learning-rates} default in dinov2/eval/linear.py). */
    public static final double[] DINOV2_LEARNING_RATES = {
        1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 0.1
    };

    public LinearProbeOptions {
        nLastBlocks = List.copyOf(nLastBlocks);
        avgpool = List.copyOf(avgpool);
        learningRates = learningRates.clone();
        if (nLastBlocks.isEmpty() || avgpool.isEmpty() || learningRates.length == 0) throw new MedinoException("the linear-probe grid is empty");
        if (epochs < 1 || batchSize < 1) throw new MedinoException("linear probe needs epochs >= 1 and batch size >= 1");
        if (!(holdoutFraction > 0 && holdoutFraction < 1)) throw new MedinoException("hold-out fraction must be in (0, 1)");
    }

    /** DINOv2's defaults: n_last_blocks {1, 4}, its 13 learning rates, 10 epochs, batch 128, seed 0. */
    public static LinearProbeOptions defaults() {
        return new LinearProbeOptions(0, List.of(1, 4), List.of(false, true), DINOV2_LEARNING_RATES, 10, 1000, 128, 0.1);
    }

    public LinearProbeOptions withEpochs(int newEpochs) {
        return new LinearProbeOptions(seed, nLastBlocks, avgpool, learningRates, newEpochs, minIterations, batchSize, holdoutFraction);
    }

    public LinearProbeOptions withSeed(long newSeed) {
        return new LinearProbeOptions(newSeed, nLastBlocks, avgpool, learningRates, epochs, minIterations, batchSize, holdoutFraction);
    }

    public LinearProbeOptions withGrid(List<Integer> newNLastBlocks, List<Boolean> newAvgpool) {
        return new LinearProbeOptions(seed, newNLastBlocks, newAvgpool, learningRates, epochs, minIterations, batchSize, holdoutFraction);
    }

    /** The rate actually used for a grid value. */
    public double scaledLr(double baseLr) {
        return baseLr * batchSize / 256.0;
    }
}
