package org.medino.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medino.transform.ImageKind;
import org.medino.transform.TypedImage;

class SlicingTest {
    /** A 3×4×5 volume whose value at (i, j, k) is 100i + 10j + k, labels the same. */
    private static LoadedCase volume() {
        int[] sh = {3, 4, 5};
        float[] v = new float[60];
        int[] labels = new int[60];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) for (int k = 0; k < 5; k++) {
            int p = (i * 4 + j) * 5 + k;
            v[p] = 100 * i + 10 * j + k;
            labels[p] = 100 * i + 10 * j + k;
        }
        TypedImage image = TypedImage.of(ImageKind.IMAGE, v, new int[] {1, sh[0], sh[1], sh[2]}, new double[] {2, 1, 0.5}, null);
        return new LoadedCase("v", null, image, labels, image.affine());
    }

    @Test
    void planesHoldTheOtherTwoAxesInOrder() {
        LoadedCase c = volume();
        List<SlicePlane> along1 = Slicing.planes(c, 7, 1);
        assertThat(along1).hasSize(4);
        SlicePlane p = along1.get(2);
        assertThat(p.caseIndex()).isEqualTo(7);
        assertThat(p.index()).isEqualTo(2);
        assertThat(p.height()).isEqualTo(3);
        assertThat(p.width()).isEqualTo(5);
        // plane (u, v) = volume (u, 2, v)
        assertThat(p.image().data()[1 * 5 + 3]).isEqualTo(100 + 20 + 3);
        assertThat(p.labels()[2 * 5 + 4]).isEqualTo(200 + 20 + 4);
        assertThat(p.image().spacing()).containsExactly(2.0, 0.5);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void placingEveryPlaneRebuildsTheVolume(int axis) {
        LoadedCase c = volume();
        int[] rebuilt = new int[60];
        for (SlicePlane p : Slicing.planes(c, 0, axis)) Slicing.placeLabels(rebuilt, c.spatialShape(), axis, p.index(), p.labels());
        assertThat(rebuilt).containsExactly(c.labels());
    }

    @Test
    void aTwoDimensionalCaseIsOnePlane() {
        TypedImage image = TypedImage.image(new float[6], 1, 2, 3);
        List<SlicePlane> planes = Slicing.planes(new LoadedCase("a", null, image, new int[6], image.affine()), 3, 2);
        assertThat(planes).hasSize(1);
        assertThat(planes.get(0).image()).isSameAs(image);
    }

    @Test
    void anatomicalAxesFollowTheAffine() {
        // A DICOM-like series (slice, row, col): slices step along S, rows along -A... (posterior), columns along R.
        double[][] series = {{0, 0, 0.7, 0}, {0, -0.7, 0, 0}, {2.5, 0, 0, 0}, {0, 0, 0, 1}};
        assertThat(new SliceAxis("axial").resolve(series)).isEqualTo(0);
        assertThat(new SliceAxis("coronal").resolve(series)).isEqualTo(1);
        assertThat(new SliceAxis("sagittal").resolve(series)).isEqualTo(2);
        // A NIfTI in RAS order with a small rotation: axial is still the third axis.
        double[][] nifti = {{0.9, 0.05, 0, 0}, {-0.05, 0.9, 0.1, 0}, {0, -0.1, 3, 0}, {0, 0, 0, 1}};
        assertThat(new SliceAxis("AXIAL").resolve(nifti)).isEqualTo(2);
        assertThat(new SliceAxis("1").resolve(nifti)).isEqualTo(1);
        assertThatThrownBy(() -> new SliceAxis("3")).hasMessageContaining("--slice-axis '3'");
    }
}
