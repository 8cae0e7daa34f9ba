package org.medino.transform;

/**
 * Makes height and width multiples of the patch size (14 for DINOv2), centred.
 *
 * <p>{@link Mode#PAD} is DINOv2's {@code CenterPadding}: grow to {@code ceil(n / m) · m}, padding
 * {@code pad // 2} before and the rest after, with a configurable value for images and 0 for label
 * maps. {@link Mode#CROP} shrinks to {@code floor(n / m) · m}, removing {@code excess // 2} before
 * and the rest after (the same split as the padding). A side shorter than one patch is padded even
 * in CROP mode, since cropping would leave nothing.
 */
public final class PatchMultiple extends PlaneWise {
    public enum Mode { PAD, CROP }

    private final int multiple;
    private final Mode mode;
    private final float fill;

    public PatchMultiple(int multiple, Mode mode, float fill) {
        if (multiple < 1) throw new IllegalArgumentException("multiple must be positive: " + multiple);
        this.multiple = multiple;
        this.mode = mode;
        this.fill = fill;
    }

    /** DINOv2's CenterPadding(multiple) with zeros. */
    public static PatchMultiple pad(int multiple) {
        return new PatchMultiple(multiple, Mode.PAD, 0f);
    }

    public static PatchMultiple crop(int multiple) {
        return new PatchMultiple(multiple, Mode.CROP, 0f);
    }

    /** {@code {offset, newSize}} for an axis of {@code n}: offset is negative when padding. */
    int[] plan(int n) {
        int target = mode == Mode.CROP && n >= multiple ? n / multiple * multiple : (n + multiple - 1) / multiple * multiple;
        int diff = target - n;
        int offset = diff >= 0 ? -(diff / 2) : (-diff) / 2;
        return new int[] {offset, target};
    }


    @Override
    protected TypedImage transform(TypedImage image) {
        int[] ph = plan(image.size(0));
        int[] pw = plan(image.size(1));
        if (ph[1] == image.size(0) && pw[1] == image.size(1)) return image;
        return Planes.window(image, ph[0], pw[0], ph[1], pw[1], fill);
    }

    @Override
    public String toString() {
        return "PatchMultiple(" + multiple + ", " + mode + ")";
    }
}
