package org.medino.image;

import java.nio.file.Path;
import java.util.Map;
import org.medino.image.dicom.DicomReader;
import org.medino.image.dicom.DicomSeries;
import org.medino.image.nifti.NiftiReader;
import org.medino.image.npy.Npy;
import org.medino.image.raster.RasterReader;

/** The front door for images: any supported file (or DICOM series folder) → a {@link ReadImage}. */
public final class ImageReaders {
    private ImageReaders() {}

    /**
     * An image together with how it was stored.
     *
     * @param format the format detected
     * @param image the voxels and geometry
     * @param storedDtype the element type in the file, in numpy's spelling ("int16", "uint8", "float32", ...)
     */
    public record ReadImage(ImageFormat format, MedicalImage image, String storedDtype) {}

    public static ReadImage read(Path path) {
        return read(path, null);
    }

    /** @param seriesUid which series of a DICOM folder holding several (null: the only one) */
    public static ReadImage read(Path path, String seriesUid) {
        ImageFormat format = ImageFormat.detect(path);
        return switch (format) {
            case DICOM -> dicom(format, DicomReader.read(path));
            case DICOM_SERIES -> dicom(format, DicomSeries.load(path, seriesUid));
            case NIFTI -> {
                MedicalImage image = NiftiReader.read(path);
                yield new ReadImage(format, image, String.valueOf(image.metadata().get("datatype")));
            }
            case RASTER -> {
                MedicalImage image = RasterReader.read(path);
                yield new ReadImage(format, image, "uint" + image.metadata().get("bits_per_sample"));
            }
            case NPY -> {
                Npy.Typed typed = Npy.readTyped(path);
                String[] axes = new String[typed.array().rank()];
                for (int i = 0; i < axes.length; i++) axes[i] = "axis" + i;
                MedicalImage image = new MedicalImage(typed.array(), axes, null, null, null, Map.of());
                yield new ReadImage(format, image, typed.dtype());
            }
        };
    }

    /**
     * A label map: as {@link #read(Path)}, except that a palette (or 1/2/4-bit) raster gives its
     * indices rather than its display colours (see {@link RasterReader#readLabels}).
     */
    public static ReadImage readLabelMap(Path path) {
        if (ImageFormat.detect(path) != ImageFormat.RASTER) return read(path);
        MedicalImage image = RasterReader.readLabels(path);
        return new ReadImage(ImageFormat.RASTER, image, "uint" + image.metadata().get("bits_per_sample"));
    }

    /** A DICOM's stored type, as pydicom's pixel_array dtype (the reader records it). */
    private static ReadImage dicom(ImageFormat format, MedicalImage image) {
        Object dtype = image.metadata().get("pixel_dtype");
        return new ReadImage(format, image, dtype == null ? null : dtype.toString());
    }
}
