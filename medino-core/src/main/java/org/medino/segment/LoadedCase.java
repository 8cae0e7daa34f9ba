package org.medino.segment;

import java.nio.file.Path;
import org.medino.transform.TypedImage;

/**
 * A case in memory: the image scaled to [0, 1] (channel-first, 2D {@code [C, H, W]} or 3D
 * {@code [C, D0, D1, D2]} in the file's axis order) and its labels on the same grid.
 *
 * @param id the case id
 * @param source the image file, for messages and for outputs named after it
 * @param image intensities in [0, 1] (per image for 2D, per volume for 3D)
 * @param labels one label per voxel, row-major over the spatial axes; null when there is no mask
 * @param affine voxel index → RAS+ mm of the image's spatial axes
 * @param fileShape the spatial shape as stored: a 2D image kept in a file as one slice of a volume
 *     ({@code (i, j, 1)}) is scored in 2D but its predictions are written back in that shape
 * @param fileAffine the affine of {@code fileShape}, written with NIfTI predictions
 */
public record LoadedCase(String id, Path source, TypedImage image, int[] labels, double[][] affine, int[] fileShape,
        double[][] fileAffine) {
    /** A case stored with the shape it is scored in. */
    public LoadedCase(String id, Path source, TypedImage image, int[] labels, double[][] affine) {
        this(id, source, image, labels, affine, image.spatialShape(), affine);
    }

    public boolean isVolume() {
        return image.spatialRank() == 3;
    }

    public int[] spatialShape() {
        return image.spatialShape();
    }

    public double[] spacing() {
        return image.spacing();
    }
}
