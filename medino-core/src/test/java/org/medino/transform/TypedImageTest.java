package org.medino.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medino.MedinoException;
import org.medino.image.MedicalImage;
import org.medino.image.NdArray;

class TypedImageTest {

    @Test
    void rgbRasterBecomesChannelFirst() {
        // (rows 2, cols 2, rgb): pixel p has (10p, 10p+1, 10p+2)
        float[] v = {0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32};
        MedicalImage m = new MedicalImage(NdArray.ofFloats(v, 2, 2, 3), new String[] {"row", "col", "rgb"}, null, null, null, Map.of());
        TypedImage t = TypedImage.fromMedicalImage(m, ImageKind.IMAGE);
        assertThat(t.shape()).containsExactly(3, 2, 2);
        assertThat(t.data()).containsExactly(0, 10, 20, 30, 1, 11, 21, 31, 2, 12, 22, 32);
        assertThat(t.spacing()).containsExactly(1.0, 1.0);
    }

    @Test
    void greyAndVolumeGetAChannelAxisAndKeepGeometry() {
        MedicalImage grey = new MedicalImage(NdArray.ofFloats(new float[6], 2, 3), new String[] {"row", "col"},
                new double[] {0.2, 0.3}, null, "DX", Map.of());
        TypedImage g = TypedImage.fromMedicalImage(grey, ImageKind.IMAGE);
        assertThat(g.shape()).containsExactly(1, 2, 3);
        assertThat(g.spacing()).containsExactly(0.2, 0.3);
        double[][] a = {{-0.7, 0, 0, 1}, {0, -0.7, 0, 2}, {0, 0, 2.5, 3}, {0, 0, 0, 1}};
        MedicalImage vol = new MedicalImage(NdArray.ofDoubles(new double[24], 2, 3, 4), new String[] {"i", "j", "k"},
                new double[] {0.7, 0.7, 2.5}, a, "CT", Map.of());
        TypedImage t = TypedImage.fromMedicalImage(vol, ImageKind.IMAGE);
        assertThat(t.shape()).containsExactly(1, 2, 3, 4);
        assertThat(t.affine()).isDeepEqualTo(a);
        assertThat(t.spacing()).containsExactly(0.7, 0.7, 2.5);
    }

    @Test
    void fourDimensionalNiftiPutsTimeOnChannels() {
        float[] v = new float[2 * 1 * 1 * 3];
        for (int i = 0; i < v.length; i++) v[i] = i; // (i, j, k, t) with t fastest
        MedicalImage m = new MedicalImage(NdArray.ofFloats(v, 2, 1, 1, 3), new String[] {"i", "j", "k", "t"}, null, null, "MR", Map.of());
        TypedImage t = TypedImage.fromMedicalImage(m, ImageKind.IMAGE);
        assertThat(t.shape()).containsExactly(3, 2, 1, 1);
        assertThat(t.data()).containsExactly(0, 3, 1, 4, 2, 5);
    }

    @Test
    void labelMapsMustBeIntegers() {
        assertThatThrownBy(() -> TypedImage.labels(new float[] {0, 0.5f}, 1, 1, 2)).isInstanceOf(MedinoException.class);
    }

    @Test
    void jointTransformsNeedOneSpatialShape() {
        Sample s = Sample.of("a", TypedImage.image(new float[4], 1, 2, 2), "b", TypedImage.image(new float[6], 1, 2, 3));
        assertThatThrownBy(() -> new RandomRotation(10).apply(s, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
