package org.medino.segment;

import org.medino.train.LossKind;

/**
 * How one network is trained: the same for DINOv2 heads and baselines, so that they compare.
 *
 * @param epochs passes over the training planes
 * @param batch planes per step
 * @param lr peak learning rate (cosine decay to 0 over all steps, per step, no warm-up)
 * @param optimizer {@code adamw} (β = 0.9, 0.999, ε = 1e-8) or {@code sgd} (momentum 0.9)
 * @param weightDecay on convolution and linear weights only (not biases or normalization)
 * @param loss dice, ce or dicece
 * @param seed initialization, shuffling and augmentation all derive from it
 * @param augment joint flips, rotation and random resized crop on training planes
 */
public record TrainSettings(int epochs, int batch, double lr, String optimizer, double weightDecay, LossKind loss, long seed,
        boolean augment) {
    public TrainSettings withLr(double newLr) {
        return new TrainSettings(epochs, batch, newLr, optimizer, weightDecay, loss, seed, augment);
    }

    public TrainSettings withAugment(boolean on) {
        return new TrainSettings(epochs, batch, lr, optimizer, weightDecay, loss, seed, on);
    }

    /** A stable text form, stored in checkpoints so that a resume with other settings is refused. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "epochs=%d batch=%d lr=%s optimizer=%s weight_decay=%s loss=%s seed=%d augment=%s",
                epochs, batch, lr, optimizer, weightDecay, loss.key(), seed, augment);
    }
}
