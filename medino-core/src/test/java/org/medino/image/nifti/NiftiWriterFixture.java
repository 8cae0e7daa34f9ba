package org.medino.image.nifti;

import java.nio.file.Path;
import org.medino.image.NdArray;

/**
 * The image behind fixtures/nifti/java_written.nii.gz. Dev-time: run main to (re)write that file,
 * then make_expected.py records how nibabel reads it; NiftiWriterTest re-writes it and compares.
 */
public final class NiftiWriterFixture {
    private NiftiWriterFixture() {}

    static NdArray voxels() {
        float[] v = new float[4 * 3 * 5];
        for (int i = 0; i < v.length; i++) v[i] = (float) (Math.sin(i * 0.7) * 100 + i * 0.25);
        return NdArray.ofFloats(v, 4, 3, 5);
    }

    /** Rotated, anisotropic and left-handed, so qfac, quaternion and zooms all matter. */
    static double[][] affine() {
        double c = Math.cos(0.3), s = Math.sin(0.3);
        return new double[][] {
            {-1.25 * c, -2.0 * s, 0.0, 40.5},
            {1.25 * s * 0.0 - 1.25 * s, 2.0 * c, 0.0, -17.25},
            {0.0, 0.0, 3.5, 8.0},
            {0, 0, 0, 1},
        };
    }

    public static void main(String[] args) {
        NiftiWriter.write(Path.of(args[0]), voxels(), affine(), NiftiWriter.Type.FLOAT32, 1);
    }
}
