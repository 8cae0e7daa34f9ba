package org.medino.transform;

import org.medino.MedinoException;

/**
 * Which world axis each voxel axis runs along, and in which direction: nibabel's
 * {@code io_orientation(affine)} for a 3D affine.
 *
 * <p>The 3×3 part of the affine is made column-unit (zooms removed), then replaced by its closest
 * orthogonal matrix R (the orthogonal factor of its polar decomposition; nibabel gets the same
 * matrix from an SVD, here it comes from Newton's iteration {@code R ← (R + R^−T) / 2}). Voxel
 * axis {@code i}, taken in order 0, 1, 2, runs along the world axis with the largest
 * {@code |R[·][i]|}, in the direction of its sign; that world axis is then removed from
 * consideration, exactly as nibabel resolves ties. A singular affine (nibabel would leave a
 * dropped axis) is rejected.
 *
 * @param worldAxis {@code worldAxis[i]} ∈ {0 = R, 1 = A, 2 = S} for voxel axis i
 * @param sign +1 when voxel axis i increases towards R/A/S, −1 towards L/P/I
 */
public record Orientation(int[] worldAxis, int[] sign) {

    public static Orientation of(double[][] affine) {
        double[][] rs = new double[3][3];
        for (int j = 0; j < 3; j++) {
            double z = Affines.columnNorm(affine, j);
            if (z == 0) z = 1;
            for (int i = 0; i < 3; i++) rs[i][j] = affine[i][j] / z;
        }
        double[][] r = polarOrthogonal(rs);
        int[] axis = new int[3];
        int[] sign = new int[3];
        for (int in = 0; in < 3; in++) {
            int best = 0;
            for (int o = 1; o < 3; o++) {
                if (Math.abs(r[o][in]) > Math.abs(r[best][in])) best = o; // first maximum, as np.argmax
            }
            if (r[best][in] == 0) throw new MedinoException("affine is singular: no orientation for voxel axis " + in);
            axis[in] = best;
            sign[in] = r[best][in] < 0 ? -1 : 1;
            for (int j = 0; j < 3; j++) r[best][j] = 0;
        }
        return new Orientation(axis, sign);
    }

    /** True when the voxel axes already are R, A, S in that order, increasing. */
    public boolean isCanonical() {
        for (int i = 0; i < 3; i++) if (worldAxis[i] != i || sign[i] != 1) return false;
        return true;
    }

    /** Axis codes as nibabel's {@code aff2axcodes}, e.g. "LPS". */
    public String codes() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) b.append((sign[i] > 0 ? "RAS" : "LPI").charAt(worldAxis[i]));
        return b.toString();
    }

    static double[][] polarOrthogonal(double[][] m) {
        double[][] u = new double[3][];
        for (int i = 0; i < 3; i++) u[i] = m[i].clone();
        for (int iter = 0; iter < 100; iter++) {
            double[][] inv = inverse3(u);
            if (inv == null) throw new MedinoException("affine is singular: cannot find its orientation");
            double change = 0;
            double[][] next = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    next[i][j] = 0.5 * (u[i][j] + inv[j][i]);
                    change = Math.max(change, Math.abs(next[i][j] - u[i][j]));
                }
            }
            u = next;
            if (change < 1e-15) break;
        }
        return u;
    }

    private static double[][] inverse3(double[][] a) {
        double c00 = a[1][1] * a[2][2] - a[1][2] * a[2][1];
        double c01 = a[1][2] * a[2][0] - a[1][0] * a[2][2];
        double c02 = a[1][0] * a[2][1] - a[1][1] * a[2][0];
        double det = a[0][0] * c00 + a[0][1] * c01 + a[0][2] * c02;
        double scale = 0;
        for (double[] row : a) for (double v : row) scale = Math.max(scale, Math.abs(v));
        if (!(Math.abs(det) > 1e-12 * scale * scale * scale)) return null;
        double[][] inv = new double[3][3];
        inv[0][0] = c00 / det;
        inv[1][0] = c01 / det;
        inv[2][0] = c02 / det;
        inv[0][1] = (a[0][2] * a[2][1] - a[0][1] * a[2][2]) / det;
        inv[1][1] = (a[0][0] * a[2][2] - a[0][2] * a[2][0]) / det;
        inv[2][1] = (a[0][1] * a[2][0] - a[0][0] * a[2][1]) / det;
        inv[0][2] = (a[0][1] * a[1][2] - a[0][2] * a[1][1]) / det;
        inv[1][2] = (a[0][2] * a[1][0] - a[0][0] * a[1][2]) / det;
        inv[2][2] = (a[0][0] * a[1][1] - a[0][1] * a[1][0]) / det;
        return inv;
    }
}
