package org.medino.segment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.medino.MedinoException;
import org.medino.embed.IntensityScaling;
import org.medino.image.ImageReaders;
import org.medino.transform.ImageKind;
import org.medino.transform.Sample;
import org.medino.transform.TypedImage;
import org.medino.transform.VolumeSlicer;

/**
 * Reads an image and its mask, scales the intensities to [0, 1] and checks that the mask fits:
 * same spatial shape, integer labels within the declared classes. A 3D array with a single slice
 * (a 2D NIfTI stored as {@code (i, j, 1)}) is a 2D image.
 */
public final class CaseLoader {
    private final IntensityScaling scaling;

    public CaseLoader(IntensityScaling scaling) {
        this.scaling = scaling;
    }

    /** The image and mask of {@code c}; {@code classes} null means "any non-negative integer label". */
    public LoadedCase load(SegmentationCase c, SegmentationClasses classes) {
        LoadedCase image = loadImage(c.id(), c.image());
        int[] labels = c.mask() == null ? null : mask(c.mask(), c.image(), image.image(), classes);
        return new LoadedCase(image.id(), image.source(), image.image(), labels, image.affine(), image.fileShape(), image.fileAffine());
    }

    /** An image without a mask (prediction). */
    public LoadedCase loadImage(String id, Path file) {
        ImageReaders.ReadImage read = read(file, false);
        TypedImage stored = TypedImage.fromMedicalImage(read.image(), ImageKind.IMAGE);
        TypedImage image = squeezeSingleSlice(stored);
        if (image.channels() != 1 && image.channels() != 3) {
            throw new MedinoException(file + ": " + image.channels() + " channels; segmentation takes grey or RGB images");
        }
        Sample scaled = scaling.transform(read.storedDtype()).apply(Sample.of("image", image), new SplittableRandom(0));
        TypedImage ready = scaled.image("image");
        for (double s : ready.spacing()) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new MedinoException(file + ": voxel spacing " + java.util.Arrays.toString(ready.spacing())
                        + " is not usable (a zero or invalid affine); distances in mm need a real spacing");
            }
        }
        return new LoadedCase(id, file, ready, null, ready.affine(), stored.spatialShape(), stored.affine());
    }

    private static int[] mask(Path maskFile, Path imageFile, TypedImage image, SegmentationClasses classes) {
        ImageReaders.ReadImage read = read(maskFile, true);
        TypedImage mask;
        try {
            mask = squeezeSingleSlice(TypedImage.fromMedicalImage(read.image(), ImageKind.LABEL_MAP));
        } catch (MedinoException e) {
            throw new MedinoException(maskFile + ": " + e.getMessage() + " (a mask holds one integer label per pixel)", e);
        }
        if (mask.channels() != 1) {
            throw new MedinoException(maskFile + ": the mask has " + mask.channels() + " channels; a mask holds one integer label per pixel");
        }
        if (!Arrays.equals(mask.spatialShape(), image.spatialShape())) {
            throw new MedinoException(maskFile + ": mask shape " + Arrays.toString(mask.spatialShape())
                    + " does not match the image " + imageFile.getFileName() + " " + Arrays.toString(image.spatialShape()));
        }
        float[] v = mask.data();
        int[] labels = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            float x = v[i];
            if (x < 0 || (classes != null && x >= classes.count())) {
                String declared = classes == null ? "non-negative labels" : "the declared classes 0.." + (classes.count() - 1);
                throw new MedinoException(maskFile + ": label " + (long) x + " is outside " + declared);
            }
            labels[i] = (int) x;
        }
        return labels;
    }

    /** The file as an image or a label map; a reader's error always names the file. */
    private static ImageReaders.ReadImage read(Path file, boolean labelMap) {
        try {
            return labelMap ? ImageReaders.readLabelMap(file) : ImageReaders.read(file);
        } catch (MedinoException e) {
            String msg = e.getMessage();
            throw msg != null && msg.contains(file.getFileName().toString()) ? e : new MedinoException(file + ": " + msg, e);
        }
    }

    /** {@code [C, 1, H, W]}-like volumes (one slice along some axis) are 2D images. */
    private static TypedImage squeezeSingleSlice(TypedImage image) {
        if (image.spatialRank() != 3) return image;
        int[] s = image.spatialShape();
        for (int a = 2; a >= 0; a--) {
            if (s[a] == 1) return VolumeSlicer.cut(image, a, 0, false);
        }
        return image;
    }
}
