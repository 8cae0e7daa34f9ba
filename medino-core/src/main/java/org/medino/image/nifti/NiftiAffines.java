package org.medino.image.nifti;

import java.nio.file.Path;
import org.medino.MedinoException;

/**
 * The voxel-to-world matrix nibabel 5 reports as {@code img.affine}, and the inverse (affine to
 * qform parameters) that nibabel's {@code set_qform} performs.
 *
 * <p>nibabel computes the quaternion part in numpy's long double; medino uses double, so a qform
 * affine may differ from nibabel's in the last bit or so of a double. sform and fallback affines
 * are exact.
 */
final class NiftiAffines {
    private NiftiAffines() {}

    /** nibabel's get_best_affine: sform if sform_code != 0, else qform if qform_code != 0, else base. */
    static double[][] best(NiftiHeader h, Path file) {
        if (h.sformCode != 0) return sform(h);
        if (h.qformCode != 0) return qform(h, file);
        return base(h);
    }

    static double[][] sform(NiftiHeader h) {
        double[][] a = identity();
        for (int r = 0; r < 3; r++) a[r] = h.srow[r].clone();
        return a;
    }

    /** Rotation from the quaternion (b, c, d; a filled in as non-negative), zooms, qfac and offsets. */
    static double[][] qform(NiftiHeader h, Path file) {
        double b = h.quatern[0], c = h.quatern[1], d = h.quatern[2];
        double w2 = 1.0 - (b * b + c * c + d * d);
        // Stored b, c, d are rounded, so w2 can be a hair below zero for a 180° rotation; nibabel
        // accepts down to -3 eps of the stored precision and treats it as zero.
        double thresh = -3 * (h.version == 1 ? Math.ulp(1.0f) : Math.ulp(1.0));
        double a;
        if (w2 < 0) {
            if (w2 < thresh) throw new MedinoException(file + ": qform quaternion (b, c, d) has norm above 1");
            a = 0;
        } else {
            a = Math.sqrt(w2);
        }
        double[][] r = quaternionToMatrix(a, b, c, d);
        double[] zoom = {h.pixdim[1], h.pixdim[2], h.pixdim[3] * h.pixdim[0]};
        double[][] out = identity();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) out[i][j] = r[i][j] * zoom[j];
            out[i][3] = h.qoffset[i];
        }
        return out;
    }

    static double[][] quaternionToMatrix(double w, double x, double y, double z) {
        double n = w * w + x * x + y * y + z * z;
        if (n < Math.ulp(1.0)) return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double s = 2.0 / n;
        double xs = x * s, ys = y * s, zs = z * s;
        double wx = w * xs, wy = w * ys, wz = w * zs;
        double xx = x * xs, xy = x * ys, xz = x * zs;
        double yy = y * ys, yz = y * zs, zz = z * zs;
        return new double[][] {
            {1.0 - (yy + zz), xy - wz, xz + wy},
            {xy + wz, 1.0 - (xx + zz), yz - wx},
            {xz - wy, yz + wx, 1.0 - (xx + yy)},
        };
    }

    /**
     * nibabel's shape_zoom_affine with x flipped: voxel centre of the volume at the origin, first
     * axis pointing left. Shapes and zooms of fewer than 3 dimensions are padded with 1.
     */
    static double[][] base(NiftiHeader h) {
        double[] shape = {1, 1, 1};
        double[] zoom = {1, 1, 1};
        for (int i = 0; i < Math.min(3, h.dim.length); i++) {
            shape[i] = h.dim[i];
            zoom[i] = h.pixdim[i + 1];
        }
        zoom[0] = -zoom[0];
        double[][] a = identity();
        for (int i = 0; i < 3; i++) {
            a[i][i] = zoom[i];
            a[i][3] = -((shape[i] - 1) / 2.0) * zoom[i];
        }
        return a;
    }

    /** The qform fields nibabel's set_qform derives from an affine (shears stripped). */
    record Qform(double qfac, double[] zooms, double[] quaternBcd, double[] offset) {}

    static Qform toQform(double[][] affine) {
        double[][] rzs = new double[3][3];
        double[] zooms = new double[3];
        for (int j = 0; j < 3; j++) {
            double s = 0;
            for (int i = 0; i < 3; i++) s += affine[i][j] * affine[i][j];
            zooms[j] = Math.sqrt(s);
            if (zooms[j] == 0) throw new MedinoException("affine column " + j + " is zero: not a valid voxel-to-world matrix");
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) rzs[i][j] = affine[i][j] / zooms[j];
        }
        double qfac = 1;
        if (det(rzs) <= 0) {
            // A left-handed affine cannot be a rotation; NIfTI stores the flip of the third axis as qfac.
            qfac = -1;
            for (int i = 0; i < 3; i++) rzs[i][2] = -rzs[i][2];
        }
        double[][] rot = closestRotation(rzs);
        double[] q = matrixToQuaternion(rot);
        return new Qform(qfac, zooms, new double[] {q[1], q[2], q[3]}, new double[] {affine[0][3], affine[1][3], affine[2][3]});
    }

    /**
     * The orthogonal polar factor of m (nibabel uses P·Qᵀ from an SVD, which is the same matrix),
     * by Newton's iteration X ← (X + X⁻ᵀ) / 2, which converges quadratically for invertible m.
     */
    static double[][] closestRotation(double[][] m) {
        double[][] x = new double[3][];
        for (int i = 0; i < 3; i++) x[i] = m[i].clone();
        for (int iter = 0; iter < 100; iter++) {
            double[][] invT = inverseTranspose(x);
            double change = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double v = 0.5 * (x[i][j] + invT[i][j]);
                    change = Math.max(change, Math.abs(v - x[i][j]));
                    x[i][j] = v;
                }
            }
            if (change < 1e-16) break;
        }
        return x;
    }

    /** Unit quaternion (w, x, y, z) with w >= 0 for a rotation matrix (Shepperd's method). */
    static double[] matrixToQuaternion(double[][] r) {
        double trace = r[0][0] + r[1][1] + r[2][2];
        double w, x, y, z;
        if (trace > 0) {
            double s = Math.sqrt(trace + 1.0) * 2;
            w = 0.25 * s;
            x = (r[2][1] - r[1][2]) / s;
            y = (r[0][2] - r[2][0]) / s;
            z = (r[1][0] - r[0][1]) / s;
        } else if (r[0][0] > r[1][1] && r[0][0] > r[2][2]) {
            double s = Math.sqrt(1.0 + r[0][0] - r[1][1] - r[2][2]) * 2;
            w = (r[2][1] - r[1][2]) / s;
            x = 0.25 * s;
            y = (r[0][1] + r[1][0]) / s;
            z = (r[0][2] + r[2][0]) / s;
        } else if (r[1][1] > r[2][2]) {
            double s = Math.sqrt(1.0 + r[1][1] - r[0][0] - r[2][2]) * 2;
            w = (r[0][2] - r[2][0]) / s;
            x = (r[0][1] + r[1][0]) / s;
            y = 0.25 * s;
            z = (r[1][2] + r[2][1]) / s;
        } else {
            double s = Math.sqrt(1.0 + r[2][2] - r[0][0] - r[1][1]) * 2;
            w = (r[1][0] - r[0][1]) / s;
            x = (r[0][2] + r[2][0]) / s;
            y = (r[1][2] + r[2][1]) / s;
            z = 0.25 * s;
        }
        // NIfTI stores only b, c, d and recomputes a = sqrt(1 - b² - c² - d²) >= 0, so pick that sign.
        if (w < 0) {
            w = -w; x = -x; y = -y; z = -z;
        }
        return new double[] {w, x, y, z};
    }

    static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static double[][] inverseTranspose(double[][] m) {
        double d = det(m);
        if (d == 0) throw new MedinoException("affine is singular: not a valid voxel-to-world matrix");
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                // cofactor(i, j) / det is (m⁻¹)ᵀ[i][j]
                int i1 = (i + 1) % 3, i2 = (i + 2) % 3, j1 = (j + 1) % 3, j2 = (j + 2) % 3;
                out[i][j] = (m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1]) / d;
            }
        }
        return out;
    }

    static double[][] identity() {
        double[][] a = new double[4][4];
        for (int i = 0; i < 4; i++) a[i][i] = 1;
        return a;
    }
}
