package org.medino.image.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medino.MedinoException;
import org.medino.image.Expected;
import org.medino.image.MedicalImage;

/** Every NIfTI fixture against nibabel's get_fdata(), affine and zooms (see make_expected.py). */
class NiftiReaderTest {
    static List<String> valueCases() {
        List<String> c = Expected.cases("nii", false);
        c.addAll(Expected.cases("nibabel_", false));
        return c;
    }

    static List<String> errorCases() {
        return Expected.cases("nii", true);
    }

    @ParameterizedTest
    @MethodSource("valueCases")
    void matchesNibabel(String c) {
        MedicalImage img = NiftiReader.read(Expected.file(c));
        Expected.assertValues(c, img.voxels(), 0);
        double[] want = Expected.doubles(c, "affine");
        for (int r = 0; r < 4; r++) {
            for (int k = 0; k < 4; k++) {
                // qform affines: nibabel works in long double, medino in double (see NiftiAffines)
                assertThat(img.affine()[r][k]).as(c + " affine[" + r + "][" + k + "]").isCloseTo(want[4 * r + k], Offset.offset(1e-9));
            }
        }
        assertThat(img.spacing()).as(c + " spacing").containsExactly(Expected.doubles(c, "spacing"));
        assertThat(img.metadata().get("datatype")).isEqualTo(Expected.get(c, "datatype"));
        assertThat(img.metadata().get("qform_code")).isEqualTo(Integer.parseInt(Expected.get(c, "qform_code")));
        assertThat(img.metadata().get("sform_code")).isEqualTo(Integer.parseInt(Expected.get(c, "sform_code")));
        assertThat(img.metadata().get("nifti_version")).isEqualTo(Integer.parseInt(Expected.get(c, "version")));
        assertThat(img.modality()).isNull();
        assertThat(img.axes()).hasSize(img.voxels().rank()).startsWith("i");
    }

    @ParameterizedTest
    @MethodSource("errorCases")
    void refusesBrokenFiles(String c) {
        Path f = Expected.file(c);
        assertThatThrownBy(() -> NiftiReader.read(f))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining(Expected.get(c, "error"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void storesExactFloat32UnlessNeeded() {
        assertThat(NiftiReader.read(Expected.file("nii_int16")).voxels().isDouble()).isFalse();
        assertThat(NiftiReader.read(Expected.file("nii_scaled_int16")).voxels().isDouble()).isTrue();
        assertThat(NiftiReader.read(Expected.file("nii_int64")).voxels().isDouble()).isTrue();
    }

    @Test
    void readsPairFromEitherHalf() {
        Path hdr = Expected.file("nii_pair");
        MedicalImage viaImg = NiftiReader.read(hdr.resolveSibling("pair.img"));
        Expected.assertValues("nii_pair", viaImg.voxels(), 0);
    }

    @Test
    void missingFileIsAMedinoException() {
        assertThatThrownBy(() -> NiftiReader.read(Path.of("/nonexistent/x.nii.gz")))
                .isInstanceOf(MedinoException.class).hasMessageContaining("x.nii.gz");
    }
}
