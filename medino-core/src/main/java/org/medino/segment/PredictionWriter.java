package org.medino.segment;

import java.nio.file.Path;
import java.util.Locale;
import org.medino.MedinoException;
import org.medino.image.NdArray;
import org.medino.image.nifti.NiftiWriter;

/**
 * Writes a predicted label map in the format its name asks for: {@code .nii} / {@code .nii.gz} as
 * NIfTI with the source image's affine (so it lies on the image in any viewer), {@code .png} as a
 * grey label PNG (2D only) with a colour overlay written beside it ({@code <name>_overlay.png}).
 */
public final class PredictionWriter {
    private PredictionWriter() {}

    public static boolean isNifti(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".nii") || n.endsWith(".nii.gz");
    }

    public static boolean isPng(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    }

    /** Writes {@code labels} (on {@code image}'s grid) to {@code out}; returns the overlay path or null. */
    public static Path write(Path out, LoadedCase image, int[] labels) {
        int[] shape = image.spatialShape();
        if (isNifti(out)) {
            // In the file's own shape and affine: a (i, j, 1) slice stays (i, j, 1), so the mask
            // lies on the image in any viewer and compares with the truth voxel for voxel.
            double[] values = new double[labels.length];
            for (int i = 0; i < labels.length; i++) values[i] = labels[i];
            int[] fileShape = image.fileShape();
            long[] dims = new long[fileShape.length];
            for (int i = 0; i < fileShape.length; i++) dims[i] = fileShape[i];
            NiftiWriter.write(out, NdArray.ofExact(values, dims), image.fileAffine());
            return null;
        }
        if (isPng(out)) {
            if (image.isVolume()) {
                throw new MedinoException(out + ": a volume's prediction needs a NIfTI name (.nii.gz), not .png");
            }
            LabelPng.writeLabels(out, labels, shape[0], shape[1]);
            Path overlay = overlayPath(out);
            LabelPng.writeOverlay(overlay, LabelPng.grey(image.image().data(), image.image().voxelsPerChannel(), image.image().channels()),
                    labels, shape[0], shape[1]);
            return overlay;
        }
        throw new MedinoException(out + ": name the mask .nii.gz, .nii or .png");
    }

    public static Path overlayPath(Path png) {
        String n = png.getFileName().toString();
        return png.resolveSibling(n.substring(0, n.length() - 4) + "_overlay.png");
    }
}
