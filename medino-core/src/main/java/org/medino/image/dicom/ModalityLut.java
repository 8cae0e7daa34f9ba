package org.medino.image.dicom;

/**
 * The Modality LUT as pydicom's {@code apply_modality_lut} applies it when both Rescale Slope and
 * Rescale Intercept are present: stored * slope + intercept in float64 (CT in Hounsfield units).
 * With either missing the values stay as stored. (A Modality LUT Sequence is not applied.)
 */
final class ModalityLut {
    private ModalityLut() {}

    static void apply(DicomDataset ds, double[] values) {
        Double slope = ds.number(Tags.RESCALE_SLOPE);
        Double intercept = ds.number(Tags.RESCALE_INTERCEPT);
        if (slope == null || intercept == null) {
            return;
        }
        double s = slope;
        double b = intercept;
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] * s + b;
        }
    }
}
