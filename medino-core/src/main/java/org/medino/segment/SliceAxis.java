package org.medino.segment;

import java.util.Locale;
import org.medino.MedinoException;

/**
 * The array axis a volume is cut along for the 2D models: a number (0, 1, 2, in the file's axis
 * order: NIfTI {@code (i, j, k)}, DICOM series {@code (slice, row, col)}) or an anatomical plane
 * ({@code axial}, {@code coronal}, {@code sagittal}) found from the volume's affine as the axis
 * pointing most along S, A or R. Arrays without geometry (identity affine) read as {@code (x, y, z)},
 * so {@code axial} is their last axis.
 */
public record SliceAxis(String text) {
    public static final SliceAxis DEFAULT = new SliceAxis("axial");

    public SliceAxis {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.matches("[012]|axial|coronal|sagittal")) {
            throw new MedinoException("--slice-axis '" + text + "': use 0, 1, 2, axial, coronal or sagittal");
        }
        text = t;
    }

    /** The array axis for a volume with this affine (index → RAS+ mm). */
    public int resolve(double[][] affine) {
        int world = switch (text) {
            case "axial" -> 2;
            case "coronal" -> 1;
            case "sagittal" -> 0;
            default -> -1;
        };
        if (world < 0) return Integer.parseInt(text);
        int best = 0;
        double bestShare = -1;
        for (int axis = 0; axis < 3; axis++) {
            double norm = Math.sqrt(affine[0][axis] * affine[0][axis] + affine[1][axis] * affine[1][axis] + affine[2][axis] * affine[2][axis]);
            double share = norm == 0 ? 0 : Math.abs(affine[world][axis]) / norm;
            if (share > bestShare + 1e-9) {
                bestShare = share;
                best = axis;
            }
        }
        return best;
    }
}
