package org.medino.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medino.image.ImageFormat;
import org.medino.image.ImageReaders;
import org.medino.image.MedicalImage;
import org.medino.image.dicom.DicomSeries;
import org.medino.image.dicom.SeriesSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medino info}: what a medical image file holds, as JSON. */
@Command(
        mixinStandardHelpOptions = true,
        name = "info",
        description = {"Print what an image holds as JSON: shape, dtype, spacing, affine, modality, and the DICOM facts",
            "(transfer_syntax, photometric, rescale_slope, rescale_intercept, window_center, window_width, patient_id,",
            "study_uid, series_uid, ...). PATH is a DICOM file or series folder, a NIfTI file, a PNG/JPEG/TIFF or an .npy."},
        footer = {"", "Examples:", "  medino info scans/ct_series/", "  medino info brain.nii.gz", "  medino info scans/mixed/ --series 1.2.840.113619.2.55.3"})
final class InfoCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(paramLabel = "PATH", description = "Image file or DICOM series folder.")
    Path path;

    @Option(names = "--series", paramLabel = "UID", description = "Which series of a folder holding several.")
    String series;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("path", path.toString());
        if (series == null && ImageFormat.detect(path) == ImageFormat.DICOM_SERIES) {
            List<SeriesSummary> all = DicomSeries.scan(path);
            if (all.size() > 1) {
                // Several series: say what is there, so the user can pick one with --series.
                info.put("format", ImageFormat.DICOM_SERIES.label());
                info.put("series", all.stream().map(InfoCommand::summary).toList());
                System.out.println(JSON.writeValueAsString(info));
                return 0;
            }
        }
        ImageReaders.ReadImage read = ImageReaders.read(path, series);
        MedicalImage image = read.image();
        info.put("format", read.format().label());
        info.put("shape", image.voxels().shape());
        info.put("dtype", read.storedDtype());
        info.put("export_dtype", image.voxels().isDouble() ? "float64" : "float32");
        info.put("axes", image.axes());
        info.put("spacing", numbers(image.spacing()));
        info.put("affine", image.affine() == null ? null : java.util.Arrays.stream(image.affine()).map(InfoCommand::numbers).toList());
        info.put("modality", image.modality());
        image.metadata().forEach(info::putIfAbsent);
        System.out.println(JSON.writeValueAsString(info));
        return 0;
    }

    /** JSON has no NaN: an unknown value (e.g. the frame spacing of a multi-frame image) is null. */
    private static List<Double> numbers(double[] values) {
        if (values == null) {
            return null;
        }
        List<Double> out = new java.util.ArrayList<>();
        for (double v : values) {
            out.add(Double.isFinite(v) ? v : null);
        }
        return out;
    }

    private static Map<String, Object> summary(SeriesSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series_uid", s.seriesUid());
        m.put("modality", s.modality());
        m.put("description", s.description());
        m.put("files", s.files().size());
        return m;
    }
}
