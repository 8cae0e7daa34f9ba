package org.medino.transform;

/**
 * What the voxels of a {@link TypedImage} mean, which decides how every transform treats them.
 *
 * <p>The split is the one TorchIO makes between {@code ScalarImage} and {@code LabelMap}: label
 * maps are resampled with nearest neighbour only (so no new label values appear) and are never
 * touched by intensity transforms.
 */
public enum ImageKind {
    /** Intensities (HU, MR signal, grey or RGB values): interpolated, windowed, normalised. */
    IMAGE,
    /** Integer labels (segmentations): nearest neighbour only, padded with 0 (background). */
    LABEL_MAP
}
