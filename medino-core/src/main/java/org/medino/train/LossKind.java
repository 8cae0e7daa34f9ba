package org.medino.train;

import java.util.Locale;
import org.medino.MedinoException;

/**
 * The segmentation losses medino trains with, under the names the settings use.
 *
 * <p>{@link #DICECE} is the usual default for medical segmentation: Dice copes with small
 * structures that cross-entropy under-weights, while cross-entropy keeps gradients informative when
 * a class is absent and Dice alone is flat.
 */
public enum LossKind {
    /** MONAI {@code DiceLoss(to_onehot_y=True, softmax=True)} with its defaults. */
    DICE("dice"),
    /** {@code torch.nn.functional.cross_entropy}, mean over all pixels. */
    CE("ce"),
    /** MONAI {@code DiceCELoss} defaults: Dice + cross-entropy, both with weight 1. */
    DICECE("dicece");

    private final String key;

    LossKind(String key) {
        this.key = key;
    }

    /** The settings spelling: {@code dice}, {@code ce} or {@code dicece}. */
    public String key() {
        return key;
    }

    /** Parses a settings value; the message lists the accepted names. */
    public static LossKind parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (LossKind kind : values()) {
            if (kind.key.equals(wanted)) return kind;
        }
        throw new MedinoException("unknown loss '" + name + "' (expected dice, ce or dicece)");
    }
}
