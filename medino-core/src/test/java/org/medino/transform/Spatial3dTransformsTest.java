package org.medino.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Spatial3dTransformsTest {

    @ParameterizedTest
    @ValueSource(strings = {"lps", "perm_oblique", "ras", "oblique_flip"})
    void reorientMatchesNibabelAsClosestCanonical(String name) {
        double[][] a = Ref.matrix4("ro_aff_" + name);
        TypedImage in = TypedImage.of(ImageKind.IMAGE, Ref.floats("ro_in"), Ref.shape("ro_in"), null, a);
        double[] ornt = Ref.doubles("ro_ornt_" + name);
        Orientation o = Orientation.of(a);
        for (int i = 0; i < 3; i++) {
            assertThat(o.worldAxis()[i]).isEqualTo((int) ornt[2 * i]);
            assertThat(o.sign()[i]).isEqualTo((int) ornt[2 * i + 1]);
        }
        TypedImage out = new Reorient().applyTo(in);
        assertThat(out.shape()).containsExactly(Ref.shape("ro_out_" + name));
        assertThat(out.data()).containsExactly(Ref.floats("ro_out_" + name));
        assertThat(Ref.report("reorient affine " + name, Ref.maxAbsDiff(out.affine(), Ref.matrix4("ro_outaff_" + name))))
                .isLessThanOrEqualTo(1e-12);
        assertThat(Orientation.of(out.affine()).isCanonical()).isTrue();
        // label maps are moved the same way
        TypedImage lab = TypedImage.of(ImageKind.LABEL_MAP, indices(in.data().length), in.shape(), null, a);
        TypedImage lo = new Reorient().applyTo(lab);
        assertThat(lo.affine()).isDeepEqualTo(out.affine());
    }

    @Test
    void orientationCodes() {
        assertThat(Orientation.of(Ref.matrix4("ro_aff_lps")).codes()).isEqualTo("LPS");
        assertThat(Orientation.of(Ref.matrix4("ro_aff_ras")).codes()).isEqualTo("RAS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2p0_1p0_1p3", "0p7_0p7_0p7", "1p0_1p5_2p0", "3p0_4p5_0p9"})
    void resampleMatchesScipyMapCoordinates(String tag) {
        double[] target = java.util.Arrays.stream(tag.split("_")).mapToDouble(s -> Double.parseDouble(s.replace('p', '.'))).toArray();
        double[][] a = Ref.matrix4("rsm_aff");
        Sample s = Sample.of("image", TypedImage.of(ImageKind.IMAGE, Ref.floats("rsm_in"), Ref.shape("rsm_in"), null, a),
                "mask", TypedImage.of(ImageKind.LABEL_MAP, Ref.floats("rsm_lab"), Ref.shape("rsm_lab"), null, a));
        Sample out = new Resample(target).apply(s);
        TypedImage img = out.image("image");
        assertThat(img.shape()).containsExactly(Ref.shape("rsm_img_" + tag));
        assertThat(Ref.report("resample trilinear " + tag, Ref.maxAbsDiff(img.data(), Ref.floats("rsm_img_" + tag))))
                .isLessThanOrEqualTo(2e-7);
        assertThat(out.image("mask").data()).containsExactly(Ref.floats("rsm_lab_" + tag));
        assertThat(Ref.report("resample affine " + tag, Ref.maxAbsDiff(img.affine(), Ref.matrix4("rsm_aff_" + tag))))
                .isLessThanOrEqualTo(1e-12);
        for (int i = 0; i < 3; i++) assertThat(img.spacing()[i]).isCloseTo(target[i], org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void resampleSizeIgnoresFloatingNoise() {
        assertThat(Resample.outputSize(10, 0.35 / 0.7)).isEqualTo(20);
        assertThat(Resample.outputSize(10, 2.0)).isEqualTo(5);
        assertThat(Resample.outputSize(11, 2.0)).isEqualTo(6);
        assertThat(Resample.outputSize(1, 0.1)).isEqualTo(1);
    }

    @Test
    void slicesWithNeighboursRepeatTheEdges() {
        // [1, D=3, H=2, W=2], voxel value = 10·d + 2·h + w
        float[] v = new float[12];
        for (int d = 0; d < 3; d++) for (int h = 0; h < 2; h++) for (int w = 0; w < 2; w++) v[d * 4 + h * 2 + w] = 10 * d + 2 * h + w;
        TypedImage vol = TypedImage.image(v, 1, 3, 2, 2);
        TypedImage first = VolumeSlicer.cut(vol, 0, 0, true);
        assertThat(first.shape()).containsExactly(3, 2, 2);
        assertThat(first.data()).containsExactly(0, 1, 2, 3, 0, 1, 2, 3, 10, 11, 12, 13);
        TypedImage last = VolumeSlicer.cut(vol, 0, 2, true);
        assertThat(last.data()).containsExactly(10, 11, 12, 13, 20, 21, 22, 23, 20, 21, 22, 23);
        // along the last axis: plane over (d, h) at w = 1
        assertThat(VolumeSlicer.cut(vol, 2, 1, false).data()).containsExactly(1, 3, 11, 13, 21, 23);
    }

    @Test
    void sliceAffineMapsToTheSameWorldPoints() {
        double[][] a = Ref.matrix4("rsm_aff");
        TypedImage vol = TypedImage.of(ImageKind.IMAGE, Ref.floats("rsm_in"), Ref.shape("rsm_in"), null, a);
        for (int axis = 0; axis < 3; axis++) {
            TypedImage s = VolumeSlicer.cut(vol, axis, 4, false);
            double[][] sa = s.affine();
            // slice voxel (u, v) = volume voxel with index 4 inserted at position axis
            int u = 2, w = 3;
            int[] idx = new int[3];
            int k = 0;
            for (int i = 0; i < 3; i++) idx[i] = i == axis ? 4 : (k++ == 0 ? u : w);
            for (int r = 0; r < 3; r++) {
                double fromSlice = sa[r][0] * u + sa[r][1] * w + sa[r][3];
                double fromVolume = a[r][0] * idx[0] + a[r][1] * idx[1] + a[r][2] * idx[2] + a[r][3];
                assertThat(fromSlice).isCloseTo(fromVolume, org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void sliceFilters() {
        // mask [1, 4, 2, 2]: slice 1 has label 1, slice 3 has label 2, others empty
        float[] m = new float[16];
        m[4] = 1;
        m[12 + 3] = 2;
        Sample s = Sample.of("ct", TypedImage.image(new float[16], 1, 4, 2, 2), "mask", TypedImage.labels(m, 1, 4, 2, 2));
        assertThat(indicesOf(new VolumeSlicer(0).slices(s))).containsExactly(0, 1, 2, 3);
        assertThat(indicesOf(new VolumeSlicer(0).keep(SliceFilter.containsLabel("mask")).slices(s))).containsExactly(1, 3);
        assertThat(indicesOf(new VolumeSlicer(0).keep(SliceFilter.containsLabel("mask", 2)).slices(s))).containsExactly(3);
        assertThat(indicesOf(new VolumeSlicer(0).keep(SliceFilter.everyNth(2)).slices(s))).containsExactly(0, 2);
        assertThat(indicesOf(new VolumeSlicer(0).keep(SliceFilter.containsLabel("absent")).slices(s))).isEmpty();
        List<VolumeSlicer.Slice> slices = new VolumeSlicer(0).withNeighbours().slices(s);
        assertThat(slices.get(1).sample().image("ct").channels()).isEqualTo(3);
        assertThat(slices.get(1).sample().image("mask").channels()).isEqualTo(1);
        assertThat(slices.get(1).sample().image("mask").isLabelMap()).isTrue();
    }

    private static List<Integer> indicesOf(List<VolumeSlicer.Slice> slices) {
        return slices.stream().map(VolumeSlicer.Slice::index).toList();
    }

    private static float[] indices(int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = i;
        return f;
    }
}
