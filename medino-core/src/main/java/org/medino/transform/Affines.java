package org.medino.transform;

/**
 * 4×4 homogeneous matrices as {@code double[4][4]}, row-major, used to keep an image's
 * index → world affine up to date.
 *
 * <p>Every spatial transform here is described by the matrix {@code M} that maps an index of its
 * <em>output</em> to the (continuous) index of its <em>input</em> it was sampled from; the output's
 * affine is then {@code A_in · M}, so world positions of image content never move.
 */
final class Affines {
    private Affines() {}

    static double[][] identity() {
        double[][] m = new double[4][4];
        for (int i = 0; i < 4; i++) m[i][i] = 1;
        return m;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[4][];
        for (int i = 0; i < 4; i++) c[i] = a[i].clone();
        return c;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int k = 0; k < 4; k++) s += a[i][k] * b[k][j];
                c[i][j] = s;
            }
        }
        return c;
    }

    /** {@code diag(scale) } with translation {@code offset} on the first {@code scale.length} axes. */
    static double[][] scaleShift(double[] scale, double[] offset) {
        double[][] m = identity();
        for (int i = 0; i < scale.length; i++) {
            m[i][i] = scale[i];
            m[i][3] = offset[i];
        }
        return m;
    }

    /** Euclidean norm of column {@code j} of the 3×3 part: the voxel size along index axis j (as nibabel's zooms). */
    static double columnNorm(double[][] a, int j) {
        return Math.sqrt(a[0][j] * a[0][j] + a[1][j] * a[1][j] + a[2][j] * a[2][j]);
    }

    static void checkShape(double[][] a) {
        if (a == null || a.length != 4) throw new IllegalArgumentException("affine must be 4x4");
        for (double[] row : a) {
            if (row == null || row.length != 4) throw new IllegalArgumentException("affine must be 4x4");
            for (double v : row) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("affine has a non-finite entry");
            }
        }
    }
}
