package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.BatchNorm;

/**
 * torch.nn.BatchNorm2d: weight (1) and bias (0) per channel, running_mean (0) and running_var (1)
 * buffers.
 *
 * <p>In training mode the batch statistics normalize and libtorch updates the running statistics
 * in place with PyTorch's convention {@code running = (1 - momentum)·running + momentum·batch}
 * (momentum 0.1, unbiased batch variance); in evaluation mode the running statistics normalize.
 *
 * <p>DJL's {@code batchNorm} uses the opposite momentum convention (the weight of the old value)
 * and passes {@code 1 - momentum} to libtorch, so PyTorch's 0.1 is handed to DJL as 0.9.
 */
public final class BatchNorm2d extends Module implements Layer {
    /** PyTorch's default momentum (weight of the new batch statistic). */
    public static final float TORCH_MOMENTUM = 0.1f;
    private static final float EPS = 1e-5f;

    private final NDArray weight;
    private final NDArray bias;
    private final NDArray runningMean;
    private final NDArray runningVar;
    private final float torchMomentum;

    public BatchNorm2d(ModuleContext context, int channels) {
        this(context, channels, TORCH_MOMENTUM);
    }

    /** @param torchMomentum momentum in PyTorch's convention (weight of the new batch statistic) */
    public BatchNorm2d(ModuleContext context, int channels, float torchMomentum) {
        super(context);
        this.weight = addParameter("weight", context.ones(channels), false);
        this.bias = addParameter("bias", context.zeros(channels), false);
        this.runningMean = addBuffer("running_mean", context.zeros(channels));
        this.runningVar = addBuffer("running_var", context.ones(channels));
        this.torchMomentum = torchMomentum;
    }

    /** [B, C, H, W] → [B, C, H, W]. */
    @Override
    public NDArray forward(NDArray x) {
        float djlMomentum = 1 - torchMomentum;
        return BatchNorm.batchNorm(x, runningMean, runningVar, weight, bias, 1, djlMomentum, EPS, isTraining())
                .singletonOrThrow();
    }
}
