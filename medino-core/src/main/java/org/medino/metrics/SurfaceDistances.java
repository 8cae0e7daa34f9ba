package org.medino.metrics;

import java.util.Arrays;

/**
 * The two directed surface-distance lists of one class, as MONAI's
 * {@code get_edge_surface_distance(symmetric=True)} produces them: for each surface element of the
 * prediction the distance in mm to the nearest surface element of the truth, and vice versa.
 *
 * <p>Work is confined to the bounding box of P ∪ T. That changes no distance: the exact transform
 * takes its minimum over feature elements, and all of them lie in the box. (MONAI crops too, to the
 * box plus a one-element zero margin, which gives the same edges as border_value 0 here.)
 *
 * @param predToTruth ascending distances from the prediction's surface to the truth's
 * @param truthToPred ascending distances from the truth's surface to the prediction's
 */
record SurfaceDistances(double[] predToTruth, double[] truthToPred) {

    /** Both lists for class {@code c}, which must be present in both masks. */
    static SurfaceDistances of(int[] p, int[] t, int[] shape, double[] spacing, ClassCensus census, int c) {
        int rank = shape.length;
        int[] lo = Arrays.copyOfRange(census.lo, c * rank, c * rank + rank);
        int[] hi = Arrays.copyOfRange(census.hi, c * rank, c * rank + rank);
        int[] box = new int[rank];
        int size = 1;
        for (int a = 0; a < rank; a++) {
            box[a] = hi[a] - lo[a] + 1;
            size *= box[a];
        }
        boolean[] predMask = new boolean[size];
        boolean[] truthMask = new boolean[size];
        crop(p, t, shape, lo, box, c, predMask, truthMask);
        boolean[] predEdges = MaskEdges.of(predMask, box);
        boolean[] truthEdges = MaskEdges.of(truthMask, box);
        predMask = null; // let the masks go before the distance map is allocated
        truthMask = null;
        double[] map = new double[size];
        EuclideanDistanceTransform.squared(truthEdges, box, spacing, map);
        double[] predToTruth = gather(map, predEdges);
        EuclideanDistanceTransform.squared(predEdges, box, spacing, map);
        double[] truthToPred = gather(map, truthEdges);
        return new SurfaceDistances(predToTruth, truthToPred);
    }

    /** HD95: the larger of the two directed 95th percentiles (numpy's linear rule). */
    double hd95() {
        return Math.max(Percentile.ofSorted(predToTruth, 95), Percentile.ofSorted(truthToPred, 95));
    }

    /** ASSD: the mean of both lists together, so each side weighs by its number of surface elements. */
    double assd() {
        double sum = 0;
        for (double d : predToTruth) {
            sum += d;
        }
        for (double d : truthToPred) {
            sum += d;
        }
        return sum / (predToTruth.length + truthToPred.length);
    }

    /** Copies class c of both label maps inside the box [lo, lo + box) into boolean masks. */
    private static void crop(int[] p, int[] t, int[] shape, int[] lo, int[] box, int c,
                             boolean[] predMask, boolean[] truthMask) {
        int rank = shape.length;
        int columns = box[rank - 1];
        int rows = predMask.length / columns;
        int[] coord = new int[rank];
        for (int row = 0, out = 0; row < rows; row++, out += columns) {
            int src = 0;
            for (int a = 0; a < rank; a++) {
                src = src * shape[a] + (a == rank - 1 ? lo[a] : lo[a] + coord[a]);
            }
            for (int x = 0; x < columns; x++) {
                predMask[out + x] = p[src + x] == c;
                truthMask[out + x] = t[src + x] == c;
            }
            for (int a = rank - 2; a >= 0; a--) {
                if (++coord[a] < box[a]) {
                    break;
                }
                coord[a] = 0;
            }
        }
    }

    /** Square roots of the squared distances at the surface elements, sorted for percentiles. */
    private static double[] gather(double[] squared, boolean[] at) {
        int count = 0;
        for (boolean b : at) {
            if (b) {
                count++;
            }
        }
        double[] d = new double[count];
        for (int i = 0, j = 0; i < at.length; i++) {
            if (at[i]) {
                d[j++] = Math.sqrt(squared[i]);
            }
        }
        Arrays.sort(d);
        return d;
    }
}
