package org.medino.transform;

import java.util.Arrays;

/**
 * Resamples 3D images to a target voxel spacing (mm): trilinear for images, nearest for label maps.
 *
 * <p>Output grid (TorchIO's {@code Resample}): with {@code r = new / old} spacing per axis, the
 * output has {@code ceil(n / r)} voxels (singleton axes stay 1), and output voxel {@code j} sits at
 * input index {@code x = (j + 0.5) · r − 0.5}, so the outer edges of the first voxels coincide
 * and the field of view is kept (possibly extended by less than one new voxel). The affine becomes
 * {@code A · [diag(r) | 0.5 (r − 1)]}, whose column norms are exactly the target spacing for an
 * orthogonal affine. To make {@code n / r} immune to rounding (10 · 0.7 / 0.35 is
 * 20.000000000000004 in float64) the ceiling ignores an excess below 1e−9.
 *
 * <p>Sampling at those positions matches {@code scipy.ndimage.map_coordinates(order=1 or 0,
 * mode="nearest")}: positions beyond the outer voxel centres take the edge values (TorchIO,
 * through SimpleITK, would give 0 beyond half a voxel outside). Nearest rounds half up,
 * {@code floor(x + 0.5)}, like scipy's order 0. Interpolation is in float64, rounded to float32.
 * Spacing is read from the affine's column norms.
 */
public final class Resample extends ImageWise {
    private final double[] target;

    public Resample(double... targetSpacing) {
        if (targetSpacing.length != 3) throw new IllegalArgumentException("need 3 spacings, got " + targetSpacing.length);
        for (double s : targetSpacing) if (!(s > 0) || Double.isInfinite(s)) throw new IllegalArgumentException("spacing must be positive: " + Arrays.toString(targetSpacing));
        this.target = targetSpacing.clone();
    }

    /** Output extent for {@code n} input voxels at ratio {@code r = new/old}. */
    static int outputSize(int n, double r) {
        if (n == 1) return 1;
        double v = n / r;
        return Math.max(1, (int) Math.ceil(v - 1e-9 * Math.max(1, v)));
    }

    @Override
    protected boolean handles(TypedImage image) {
        if (image.spatialRank() != 3) throw new IllegalArgumentException("Resample needs 3D images, got " + image);
        return true;
    }

    @Override
    protected TypedImage transform(TypedImage im) {
        double[] old = im.spacing();
        int[] in = im.spatialShape();
        double[] r = new double[3];
        int[] out = new int[3];
        for (int a = 0; a < 3; a++) {
            r[a] = target[a] / old[a];
            out[a] = outputSize(in[a], r[a]);
        }
        Axis[] ax = new Axis[3];
        for (int a = 0; a < 3; a++) ax[a] = new Axis(in[a], out[a], r[a], im.isLabelMap());
        float[] dst = im.isLabelMap() ? nearest(im.data(), im.channels(), in, out, ax) : trilinear(im.data(), im.channels(), in, out, ax);
        double[] shift = new double[3];
        for (int a = 0; a < 3; a++) shift[a] = 0.5 * (r[a] - 1);
        return im.with(dst, im.channels(), out, Affines.multiply(im.affine(), Affines.scaleShift(r, shift)));
    }

    /** Per output index along one axis: the input index pair and the weight of the second. */
    private static final class Axis {
        final int[] i0;
        final int[] i1;
        final double[] w;

        Axis(int n, int m, double r, boolean nearest) {
            i0 = new int[m];
            i1 = new int[m];
            w = new double[m];
            for (int j = 0; j < m; j++) {
                double x = (j + 0.5) * r - 0.5;
                if (nearest) {
                    i0[j] = clamp((int) Math.floor(x + 0.5), n);
                } else {
                    double c = Math.min(Math.max(x, 0), n - 1);
                    int f = (int) Math.floor(c);
                    i0[j] = f;
                    i1[j] = Math.min(f + 1, n - 1);
                    w[j] = c - f;
                }
            }
        }
    }

    private static int clamp(int i, int n) {
        return Math.min(Math.max(i, 0), n - 1);
    }

    private static float[] nearest(float[] src, int c, int[] in, int[] out, Axis[] ax) {
        float[] dst = new float[c * out[0] * out[1] * out[2]];
        int nIn = in[0] * in[1] * in[2];
        int p = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int a = 0; a < out[0]; a++) {
                for (int b = 0; b < out[1]; b++) {
                    int row = ch * nIn + (ax[0].i0[a] * in[1] + ax[1].i0[b]) * in[2];
                    for (int d = 0; d < out[2]; d++) dst[p++] = src[row + ax[2].i0[d]];
                }
            }
        }
        return dst;
    }

    private static float[] trilinear(float[] src, int c, int[] in, int[] out, Axis[] ax) {
        float[] dst = new float[c * out[0] * out[1] * out[2]];
        int nIn = in[0] * in[1] * in[2];
        int p = 0;
        for (int ch = 0; ch < c; ch++) {
            int base = ch * nIn;
            for (int a = 0; a < out[0]; a++) {
                double wa = ax[0].w[a];
                int a0 = ax[0].i0[a] * in[1];
                int a1 = ax[0].i1[a] * in[1];
                for (int b = 0; b < out[1]; b++) {
                    double wb = ax[1].w[b];
                    int r00 = base + (a0 + ax[1].i0[b]) * in[2];
                    int r01 = base + (a0 + ax[1].i1[b]) * in[2];
                    int r10 = base + (a1 + ax[1].i0[b]) * in[2];
                    int r11 = base + (a1 + ax[1].i1[b]) * in[2];
                    for (int d = 0; d < out[2]; d++) {
                        int d0 = ax[2].i0[d];
                        int d1 = ax[2].i1[d];
                        double wd = ax[2].w[d];
                        double v00 = src[r00 + d0] + wd * (src[r00 + d1] - src[r00 + d0]);
                        double v01 = src[r01 + d0] + wd * (src[r01 + d1] - src[r01 + d0]);
                        double v10 = src[r10 + d0] + wd * (src[r10 + d1] - src[r10 + d0]);
                        double v11 = src[r11 + d0] + wd * (src[r11 + d1] - src[r11 + d0]);
                        double v0 = v00 + wb * (v01 - v00);
                        double v1 = v10 + wb * (v11 - v10);
                        dst[p++] = (float) (v0 + wa * (v1 - v0));
                    }
                }
            }
        }
        return dst;
    }

    @Override
    public String toString() {
        return "Resample(" + Arrays.toString(target) + " mm)";
    }
}
