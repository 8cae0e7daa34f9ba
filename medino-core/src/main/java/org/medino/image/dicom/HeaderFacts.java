package org.medino.image.dicom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata map and spacing reported for one file. Absent elements are null (never a made-up
 * default), so a caller can tell "no rescale" from "slope 1".
 */
final class HeaderFacts {
    private HeaderFacts() {}

    static Map<String, Object> metadata(DicomFile file) {
        DicomDataset ds = file.dataset();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transfer_syntax", file.transferSyntax().uid());
        m.put("photometric", ds.string(Tags.PHOTOMETRIC_INTERPRETATION));
        m.put("rescale_slope", ds.number(Tags.RESCALE_SLOPE));
        m.put("rescale_intercept", ds.number(Tags.RESCALE_INTERCEPT));
        m.put("window_center", oneOrList(ds.numbers(Tags.WINDOW_CENTER)));
        m.put("window_width", oneOrList(ds.numbers(Tags.WINDOW_WIDTH)));
        m.put("patient_id", ds.string(Tags.PATIENT_ID));
        m.put("study_uid", ds.string(Tags.STUDY_INSTANCE_UID));
        m.put("series_uid", ds.string(Tags.SERIES_INSTANCE_UID));
        m.put("sop_instance_uid", ds.string(Tags.SOP_INSTANCE_UID));
        m.put("series_description", ds.string(Tags.SERIES_DESCRIPTION));
        Integer rows = ds.integer(Tags.ROWS);
        m.put("rows", rows);
        m.put("columns", ds.integer(Tags.COLUMNS));
        Integer frames = ds.integer(Tags.NUMBER_OF_FRAMES);
        m.put("frames", frames != null ? frames : rows != null ? Integer.valueOf(1) : null);
        m.put("bits_allocated", ds.integer(Tags.BITS_ALLOCATED));
        m.put("bits_stored", ds.integer(Tags.BITS_STORED));
        m.put("pixel_representation", ds.integer(Tags.PIXEL_REPRESENTATION));
        m.put("samples_per_pixel", ds.integer(Tags.SAMPLES_PER_PIXEL));
        m.put("instance_number", ds.integer(Tags.INSTANCE_NUMBER));
        m.put("image_position", list(ds.numbers(Tags.IMAGE_POSITION_PATIENT)));
        m.put("image_orientation", list(ds.numbers(Tags.IMAGE_ORIENTATION_PATIENT)));
        m.put("slice_thickness", ds.number(Tags.SLICE_THICKNESS));
        return m;
    }

    /** (row spacing, column spacing) from Pixel Spacing, else Imager Pixel Spacing, else null. */
    static double[] pixelSpacing(DicomDataset ds) {
        double[] ps = ds.numbers(Tags.PIXEL_SPACING);
        if (ps.length != 2) ps = ds.numbers(Tags.IMAGER_PIXEL_SPACING);
        return ps.length == 2 ? ps : null;
    }

    /**
     * Spacing per spatial axis of the image array: (row, col), or (NaN, row, col) for multi-frame
     * files, whose frames may be slices, time points or anything else.
     */
    static double[] spacing(DicomDataset ds, boolean multiFrame) {
        double[] ps = pixelSpacing(ds);
        if (ps == null) return null;
        return multiFrame ? new double[] {Double.NaN, ps[0], ps[1]} : ps;
    }

    private static Object oneOrList(double[] values) {
        if (values.length == 0) return null;
        if (values.length == 1) return values[0];
        return list(values);
    }

    private static List<Double> list(double[] values) {
        if (values.length == 0) return null;
        List<Double> out = new ArrayList<>();
        for (double v : values) out.add(v);
        return List.copyOf(out);
    }
}
