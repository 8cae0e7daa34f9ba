package org.medino.metrics;

/**
 * Overlap and surface-distance scores of one class in one case. Distances are in millimetres.
 *
 * <ul>
 *   <li>Present in both prediction and truth: all four values are computed.</li>
 *   <li>Present in exactly one: Dice = IoU = 0 and HD95 = ASSD = the image's
 *       {@linkplain LabelGrid#extentDiagonal() extent diagonal}, with {@code distanceCapped} set,
 *       so that a missed or hallucinated structure is penalised by a finite worst case instead of
 *       the infinity MONAI would return.</li>
 *   <li>Present in neither: {@link #excluded()}; every value is NaN and aggregates leave the case
 *       out, because nothing was there to find and nothing was wrongly found.</li>
 * </ul>
 *
 * @param label          the class index
 * @param predPresent    whether the prediction contains the class at all
 * @param truthPresent   whether the truth contains the class at all
 * @param dice           2|P∩T| / (|P| + |T|)
 * @param iou            |P∩T| / |P∪T|
 * @param hd95           95th-percentile symmetric Hausdorff distance (mm)
 * @param assd           average symmetric surface distance (mm)
 * @param distanceCapped whether hd95 and assd are the cap rather than measured distances
 */
public record ClassScore(int label, boolean predPresent, boolean truthPresent, double dice, double iou,
                         double hd95, double assd, boolean distanceCapped) {

    /** True when the class is in neither prediction nor truth; then all values are NaN. */
    public boolean excluded() {
        return !predPresent && !truthPresent;
    }

    static ClassScore excluded(int label) {
        return new ClassScore(label, false, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
    }

    static ClassScore oneSided(int label, boolean predPresent, double cap) {
        return new ClassScore(label, predPresent, !predPresent, 0, 0, cap, cap, true);
    }
}
