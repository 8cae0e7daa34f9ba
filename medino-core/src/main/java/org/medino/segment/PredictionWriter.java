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
            double[] values = new double[labels.length];
            for (int i = 0; i < labels.length; i++) values[i] = labels[i];
            long[] dims = new long[shape.length];
            for (int i = 0; i < shape.length; i++) dims[i] = shape[i];
            NiftiWriter.write(out, NdArray.ofExact(values, dims), image.affine());
            return null;
        }
        if (isPng(out)) {
            if (image.isVolume()) {
                throw new MedinoException(out + ": a volume's prediction needs a NIfTI name (.nii.gz), not .png");
            }
            LabelPng.writeLabels(out, labels, shape[0], shape[1]);
            Path overlay = overlayPath(out);
            LabelPng.writeOverlay(overlay, greyOf(image), labels, shape[0], shape[1]);
            return overlay;
        }
        throw new MedinoException(out + ": name the mask .nii.gz, .nii or .png");
    }

    public static Path overlayPath(Path png) {
        String n = png.getFileName().toString();
        return png.resolveSibling(n.substring(0, n.length() - 4) + "_overlay.png");
    }

    /** The first channel of a 2D case's [0, 1] image (RGB images: their mean). */
    static float[] greyOf(LoadedCase c) {
        float[] d = c.image().data();
        int n = c.image().voxelsPerChannel();
        int ch = c.image().channels();
        float[] g = new float[n];
        for (int k = 0; k < ch; k++) {
            for (int i = 0; i < n; i++) g[i] += d[k * n + i] / ch;
        }
        return g;
    }
}
