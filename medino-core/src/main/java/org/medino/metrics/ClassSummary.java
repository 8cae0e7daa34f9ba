package org.medino.metrics;

/**
 * One class aggregated over the cases of a {@link SegmentationSummary}.
 *
 * <p>Means are over the cases where the class is not {@linkplain ClassScore#excluded() excluded}
 * (present in prediction or truth); capped distances of one-sided cases are included in them, and
 * {@code cappedCases} says how many there were so a reader can tell misses from poor contours.
 *
 * @param label       the class index
 * @param cases       number of cases that scored the class (not excluded)
 * @param diceMean    mean Dice over those cases, NaN if none
 * @param iouMean     mean IoU over those cases, NaN if none
 * @param hd95Mean    mean HD95 (mm) over those cases, NaN if none
 * @param assdMean    mean ASSD (mm) over those cases, NaN if none
 * @param cappedCases number of those cases whose HD95 and ASSD are the cap (class in only one mask)
 */
public record ClassSummary(int label, int cases, double diceMean, double iouMean, double hd95Mean,
                           double assdMean, int cappedCases) {

    /** True when the class was excluded in every case: it has no means and is left out of the overall ones. */
    public boolean absent() {
        return cases == 0;
    }
}
