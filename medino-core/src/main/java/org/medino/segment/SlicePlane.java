package org.medino.segment;

import org.medino.transform.TypedImage;

/**
 * One 2D plane the models see: a 2D case whole, or one slice of a volume.
 *
 * @param caseIndex which case it belongs to (index into the case list)
 * @param index the slice number along the slice axis (0 for 2D cases)
 * @param image intensities in [0, 1], {@code [C, H, W]}
 * @param labels the plane's labels, row-major {@code H × W}; null without a mask
 */
public record SlicePlane(int caseIndex, int index, TypedImage image, int[] labels) {
    public int height() {
        return image.spatialShape()[0];
    }

    public int width() {
        return image.spatialShape()[1];
    }
}
