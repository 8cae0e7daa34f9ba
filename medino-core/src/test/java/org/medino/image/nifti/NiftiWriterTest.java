package org.medino.image.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.MedinoException;
import org.medino.image.Expected;
import org.medino.image.MedicalImage;
import org.medino.image.NdArray;

class NiftiWriterTest {
    @TempDir
    Path dir;

    /** The stored file was read by nibabel at dev time; writing again must give the same bytes. */
    @Test
    void writesTheFileNibabelChecked() throws IOException {
        Path out = dir.resolve("again.nii.gz");
        NiftiWriter.write(out, NiftiWriterFixture.voxels(), NiftiWriterFixture.affine(), NiftiWriter.Type.FLOAT32, 1);
        assertThat(gunzip(out)).isEqualTo(gunzip(Expected.file("nii_java_written")));
    }

    /** nibabel's qform from our header (set_qform's inverse) reproduces the affine we wrote. */
    @Test
    void nibabelSeesOurAffineInBothForms() {
        double[][] a = NiftiWriterFixture.affine();
        double[] q = Expected.doubles("nii_java_written", "qform");
        double[] s = Expected.doubles("nii_java_written", "sform");
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                assertThat(q[4 * r + c]).isCloseTo(a[r][c], Offset.offset(1e-5));
                assertThat(s[4 * r + c]).isCloseTo(a[r][c], Offset.offset(1e-5));
            }
        }
        assertThat(Expected.doubles("nii_java_written", "pixdim0")).containsExactly(-1.0);
    }

    @Test
    void roundTripsEveryType() {
        double[][] affine = {{2, 0, 0, -10}, {0, 0, 3, 5}, {0, -1.5, 0, 7}, {0, 0, 0, 1}};
        float[] labels = new float[2 * 3 * 4 * 2];
        for (int i = 0; i < labels.length; i++) labels[i] = i % 7;
        check(NdArray.ofFloats(labels, 2, 3, 4, 2), affine, "labels.nii.gz", "uint8");
        float[] signed = labels.clone();
        signed[5] = -300;
        check(NdArray.ofFloats(signed, 2, 3, 4, 2), affine, "signed.nii", "int16");
        float[] real = labels.clone();
        real[3] = 0.1f;
        check(NdArray.ofFloats(real, 2, 3, 4, 2), affine, "real.nii.gz", "float32");
        double[] wide = new double[labels.length];
        wide[1] = 0.1;
        check(NdArray.ofDoubles(wide, 2, 3, 4, 2), affine, "wide.nii.gz", "float64");
    }

    private void check(NdArray v, double[][] affine, String name, String dtype) {
        Path p = dir.resolve(name);
        NiftiWriter.write(p, v, affine);
        MedicalImage back = NiftiReader.read(p);
        assertThat(back.metadata().get("datatype")).isEqualTo(dtype);
        assertThat(back.voxels().shape()).containsExactly(v.shape());
        for (int i = 0; i < v.size(); i++) assertThat(back.voxels().get(i)).isEqualTo(v.get(i));
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) assertThat(back.affine()[r][c]).isCloseTo(affine[r][c], Offset.offset(1e-6));
        }
        assertThat(back.spacing()).containsExactly(2.0, 1.5, 3.0);
    }

    @Test
    void refusesValuesThatDoNotFitTheType() {
        NdArray v = NdArray.ofFloats(new float[] {1, 2, 300, 4}, 2, 2, 1);
        double[][] eye = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        assertThatThrownBy(() -> NiftiWriter.write(dir.resolve("x.nii"), v, eye, NiftiWriter.Type.UINT8, 1))
                .isInstanceOf(MedinoException.class).hasMessageContaining("uint8").hasMessageContaining("x.nii");
        assertThat(Files.exists(dir.resolve("x.nii"))).isFalse();
    }

    private static byte[] gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }
}
