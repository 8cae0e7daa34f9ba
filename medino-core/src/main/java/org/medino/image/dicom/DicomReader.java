package org.medino.image.dicom;

import java.nio.file.Path;
import java.util.Map;
import org.medino.image.MedicalImage;
import org.medino.image.NdArray;

/**
 * Reads one DICOM file into a {@link MedicalImage} whose values are pydicom's {@code pixel_array}
 * with the Modality LUT (Rescale Slope / Intercept) applied.
 *
 * <p>Shape (rows, cols) or (frames, rows, cols) — frames only when Number of Frames is above 1,
 * as pydicom — with a trailing RGB axis for colour. MONOCHROME1 values are left as stored (the
 * photometric is in the metadata). The affine is null: a single file is a plain 2D image here;
 * {@link DicomSeries} places slices in space.
 */
public final class DicomReader {
    private DicomReader() {}

    /** Reads and decodes a file; a bad file is a {@link org.medino.MedinoException} naming it. */
    public static MedicalImage read(Path file) {
        DicomFile dicom = DicomParser.parse(file, false);
        return toImage(dicom);
    }

    /** Reads only the header (stops before the pixel data, decodes nothing), for fast scans. */
    public static DicomHeader readHeader(Path file) {
        DicomFile dicom = DicomParser.parse(file, true);
        Map<String, Object> metadata = HeaderFacts.metadata(dicom);
        Object frames = metadata.get("frames");
        boolean multi = frames instanceof Integer n && n > 1;
        return new DicomHeader(file, dicom.dataset().string(Tags.MODALITY),
                HeaderFacts.spacing(dicom.dataset(), multi), metadata);
    }

    static MedicalImage toImage(DicomFile dicom) {
        PixelAttributes a = PixelAttributes.of(dicom);
        double[] values = PixelDecoder.decode(dicom, a);
        ModalityLut.apply(dicom.dataset(), values);
        boolean multi = a.frames() > 1;
        boolean colour = a.samplesPerPixel() > 1;
        long[] shape;
        String[] axes;
        if (multi) {
            shape = colour ? new long[] {a.frames(), a.rows(), a.columns(), a.samplesPerPixel()}
                    : new long[] {a.frames(), a.rows(), a.columns()};
            axes = colour ? new String[] {"frame", "row", "col", "rgb"} : new String[] {"frame", "row", "col"};
        } else {
            shape = colour ? new long[] {a.rows(), a.columns(), a.samplesPerPixel()} : new long[] {a.rows(), a.columns()};
            axes = colour ? new String[] {"row", "col", "rgb"} : new String[] {"row", "col"};
        }
        Map<String, Object> metadata = HeaderFacts.metadata(dicom);
        metadata.put("frames", a.frames());
        metadata.put("pixel_dtype", PixelDecoder.storedDtype(dicom, a));
        return new MedicalImage(NdArray.ofExact(values, shape), axes, HeaderFacts.spacing(dicom.dataset(), multi),
                null, dicom.dataset().string(Tags.MODALITY), metadata);
    }
}
