package org.medino.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Segmentation losses on logits [B, K, H, W], written with differentiable DJL operations so that
 * libtorch autograd yields their gradients.
 *
 * <ul>
 *   <li>{@code ce} = −mean over b,h,w of log_softmax(logits)[b, y, h, w], as
 *       {@code F.cross_entropy(logits, labels)} (log-softmax, never log of softmax, for stability).</li>
 *   <li>{@code dice}: with p = softmax over K and g the one-hot labels, per sample b and class k
 *       (sums over pixels): tp = Σ p·g, fp = Σ p − tp, fn = Σ g − tp,
 *       loss = 1 − (2·tp + 1e-5) / (2·(tp + fp/2 + fn/2) + 1e-5), averaged over b and k.
 *       That equals 1 − (2 Σ p·g + 1e-5) / (Σ p + Σ g + 1e-5); the operations follow MONAI's
 *       {@code DiceLoss}/{@code compute_tp_fp_fn} order so the float32 rounding matches too. A class
 *       absent from a sample and predicted nowhere scores ~0 loss thanks to the 1e-5 terms.</li>
 *   <li>{@code dicece} = 1·dice + 1·ce (MONAI {@code DiceCELoss} defaults).</li>
 * </ul>
 */
public final class SegmentationLoss {
    private static final float SMOOTH_NR = 1e-5f;
    private static final float SMOOTH_DR = 1e-5f;
    private static final int[] SPATIAL = {2, 3};

    private final LossKind kind;

    public SegmentationLoss(LossKind kind) {
        this.kind = kind;
    }

    public LossKind kind() {
        return kind;
    }

    /** The scalar loss; its temporaries belong to the logits' manager. */
    public NDArray compute(NDArray logits, SegmentationTarget target) {
        check(logits, target);
        return switch (kind) {
            case CE -> crossEntropy(logits, target);
            case DICE -> dice(logits, target);
            case DICECE -> dice(logits, target).add(crossEntropy(logits, target));
        };
    }

    /** Mean softmax cross-entropy over all B·H·W pixels. */
    public static NDArray crossEntropy(NDArray logits, SegmentationTarget target) {
        check(logits, target);
        NDArray picked = logits.logSoftmax(1).mul(target.oneHot()).sum(new int[] {1});
        return picked.mean().neg();
    }

    /** MONAI's soft Dice loss (softmax, one-hot target, background included, per-sample). */
    public static NDArray dice(NDArray logits, SegmentationTarget target) {
        check(logits, target);
        NDArray p = logits.softmax(1);
        NDArray g = target.oneHot();
        NDArray tp = p.mul(g).sum(SPATIAL);
        NDArray fp = p.sum(SPATIAL).sub(tp).mul(0.5f);
        NDArray fn = g.sum(SPATIAL).sub(tp).mul(0.5f);
        NDArray numerator = tp.mul(2f).add(SMOOTH_NR);
        NDArray denominator = tp.add(fp).add(fn).mul(2f).add(SMOOTH_DR);
        return numerator.div(denominator).neg().add(1f).mean();
    }

    private static void check(NDArray logits, SegmentationTarget target) {
        Shape shape = logits.getShape();
        if (shape.dimension() != 4 || !shape.equals(target.oneHot().getShape())) {
            throw new IllegalArgumentException("logits " + shape + " do not match the one-hot target "
                    + target.oneHot().getShape() + " (both must be [B, K, H, W])");
        }
    }
}
