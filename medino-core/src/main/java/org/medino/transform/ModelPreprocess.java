package org.medino.transform;

import org.medino.model.Preprocessing;

/**
 * A model's evaluation preprocessing as transforms, for images already scaled to [0, 1]:
 * grey → 3 channels, {@link ResizeShorter}, {@link CenterCrop}, {@link Normalize} with the
 * model's statistics — torchvision's {@code Resize(int) + CenterCrop + Normalize} on tensors.
 */
public final class ModelPreprocess {
    private ModelPreprocess() {}

    public static Compose of(Preprocessing p) {
        if (!"bicubic".equals(p.interpolation())) {
            throw new IllegalArgumentException("only bicubic preprocessing is supported, got " + p.interpolation());
        }
        return Compose.of(new GreyToRgb(), new ResizeShorter(p.resizeShorter()), new CenterCrop(p.crop()), Normalize.of(p));
    }
}
