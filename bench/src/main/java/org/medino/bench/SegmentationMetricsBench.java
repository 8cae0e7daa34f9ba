package org.medino.bench;

import org.medino.metrics.CaseScores;
import org.medino.metrics.ClassScore;
import org.medino.metrics.LabelGrid;
import org.medino.metrics.SegmentationMetrics;

/**
 * Not a test: times {@link SegmentationMetrics#score} on synthetic volumes with a large organ
 * (class 1, an irregular ellipsoid filling much of the field) and a small lesion inside it
 * (class 2); the prediction is the truth shifted and dilated, so every class has real surface
 * distances to compute. Run with enough heap for two 512×512×200 int label maps (~420 MB):
 *
 * <pre>java -Xmx2g -cp "bench/target/medino-bench.jar:bench/target/lib/*" org.medino.bench.SegmentationMetricsBench</pre>
 */
public final class SegmentationMetricsBench {
    private SegmentationMetricsBench() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        run("256x256x256 @ 1 mm", new int[] {256, 256, 256}, new double[] {1, 1, 1}, runs);
        run("512x512x200 @ 2.5x0.8x0.8 mm", new int[] {200, 512, 512}, new double[] {2.5, 0.8, 0.8}, runs);
    }

    private static void run(String name, int[] shape, double[] spacing, int runs) {
        LabelGrid truth = new LabelGrid(phantom(shape, 0, 0.0), shape, spacing);
        LabelGrid pred = new LabelGrid(phantom(shape, 3, 0.04), shape, spacing);
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            CaseScores s = SegmentationMetrics.score(pred, truth, 3, false);
            long ms = (System.nanoTime() - start) / 1_000_000;
            StringBuilder b = new StringBuilder();
            for (ClassScore c : s.classes()) {
                b.append(String.format(" | class %d dice %.4f hd95 %.2f mm assd %.3f mm", c.label(), c.dice(),
                        c.hd95(), c.assd()));
            }
            System.out.printf("%s run %d: %d ms for %d classes%s%n", name, run, ms, s.classes().size(), b);
        }
    }

    /**
     * Organ = ellipsoid with a wavy surface, radii 35/30/28 % of the extent along each axis; lesion
     * = sphere of 6 % of the smallest extent. {@code shift} moves both along the last axis and
     * {@code grow} scales the radii, which makes the prediction differ from the truth.
     */
    private static int[] phantom(int[] shape, int shift, double grow) {
        int nz = shape[0], ny = shape[1], nx = shape[2];
        int[] labels = new int[nz * ny * nx];
        double rz = 0.35 * nz * (1 + grow), ry = 0.30 * ny * (1 + grow), rx = 0.28 * nx * (1 + grow);
        double lesion = 0.06 * Math.min(nz, Math.min(ny, nx)) * (1 + grow);
        double cz = nz / 2.0, cy = ny / 2.0, cx = nx / 2.0 + shift;
        double lz = cz + 0.3 * rz, ly = cy - 0.2 * ry, lx = cx + 0.3 * rx;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double dz = (z - cz) / rz, dy = (y - cy) / ry, dx = (x - cx) / rx;
                    double wave = 1 + 0.08 * Math.sin(7 * Math.atan2(dy, dx)) * Math.cos(3 * dz);
                    int label = 0;
                    if (dz * dz + dy * dy + dx * dx <= wave * wave) {
                        label = 1;
                        double ez = z - lz, ey = y - ly, ex = x - lx;
                        if (ez * ez + ey * ey + ex * ex <= lesion * lesion) {
                            label = 2;
                        }
                    }
                    labels[(z * ny + y) * nx + x] = label;
                }
            }
        }
        return labels;
    }
}
