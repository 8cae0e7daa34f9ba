package org.medino.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-class Dice, IoU, HD95 and ASSD of a predicted label map against the truth, in millimetres,
 * for 2D images and 3D volumes.
 *
 * <p>Definitions follow MONAI so that numbers match Python-side reports:
 * <ul>
 *   <li>Dice = 2|P∩T| / (|P| + |T|); IoU = |P∩T| / |P∪T|.</li>
 *   <li>Surface of a mask = mask XOR binary_erosion(mask), cross-shaped element, border_value 0
 *       ({@code monai.metrics.utils.get_mask_edges}; see {@link MaskEdges}).</li>
 *   <li>Directed distances: from each surface element of one mask to the nearest surface element
 *       of the other, exact Euclidean distance with the grid spacing
 *       ({@code get_surface_distance}, scipy {@code distance_transform_edt(sampling=spacing)}).</li>
 *   <li>HD95 = max(p95(P→T), p95(T→P)), numpy's linear percentile
 *       ({@code compute_hausdorff_distance(percentile=95, directed=False)}).</li>
 *   <li>ASSD = mean of the P→T and T→P lists concatenated
 *       ({@code compute_average_surface_distance(symmetric=True)}).</li>
 * </ul>
 * Where MONAI returns inf or NaN, the project's rules apply instead (see {@link ClassScore}): a
 * class in neither mask is excluded; a class in only one scores Dice = IoU = 0 and distances equal
 * to the {@linkplain LabelGrid#extentDiagonal() image diagonal}. Unlike MONAI, which works in
 * float32, everything here is double precision.
 */
public final class SegmentationMetrics {
    private SegmentationMetrics() {}

    /** Relative tolerance on spacing agreement: headers often round-trip spacing through float32. */
    private static final double SPACING_TOLERANCE = 1e-6;

    /**
     * Scores classes 1 … numClasses − 1 (and class 0, background, if {@code includeBackground}).
     *
     * @throws IllegalArgumentException if shapes or spacings differ, or a label is outside
     *                                  [0, numClasses)
     */
    public static CaseScores score(LabelGrid prediction, LabelGrid truth, int numClasses, boolean includeBackground) {
        if (!prediction.sameShape(truth)) {
            throw new IllegalArgumentException("prediction shape " + Arrays.toString(prediction.shape())
                    + " differs from truth shape " + Arrays.toString(truth.shape()));
        }
        checkSpacing(prediction.spacing(), truth.spacing());
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be at least 1, got " + numClasses);
        }
        int[] p = prediction.labels();
        int[] t = truth.labels();
        int[] shape = truth.shape();
        double[] spacing = truth.spacing();
        ClassCensus census = ClassCensus.of(p, t, shape, numClasses);
        double cap = truth.extentDiagonal();
        List<ClassScore> scores = new ArrayList<>();
        for (int c = includeBackground ? 0 : 1; c < numClasses; c++) {
            long np = census.pred[c];
            long nt = census.truth[c];
            if (np == 0 && nt == 0) {
                scores.add(ClassScore.excluded(c));
            } else if (np == 0 || nt == 0) {
                scores.add(ClassScore.oneSided(c, np > 0, cap));
            } else {
                long both = census.both[c];
                double dice = 2.0 * both / (np + nt);
                double iou = (double) both / (np + nt - both);
                SurfaceDistances d = SurfaceDistances.of(p, t, shape, spacing, census, c);
                scores.add(new ClassScore(c, true, true, dice, iou, d.hd95(), d.assd(), false));
            }
        }
        return new CaseScores(scores);
    }

    private static void checkSpacing(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > SPACING_TOLERANCE * Math.max(a[i], b[i])) {
                throw new IllegalArgumentException("prediction spacing " + Arrays.toString(a)
                        + " differs from truth spacing " + Arrays.toString(b));
            }
        }
    }
}
