package org.medino.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.medino.model.Preprocessing;

class IntensityTransformsTest {

    @ParameterizedTest
    @CsvSource({"1, 99, false, pct_1_99_all", "5, 95, false, pct_5_95_all", "1, 99, true, pct_1_99_nonzero",
        "5, 95, true, pct_5_95_nonzero"})
    void percentileScaleMatchesNumpy(double lo, double hi, boolean nonZero, String name) {
        TypedImage in = Ref.image("pct_in");
        PercentileScale t = new PercentileScale(lo, hi, nonZero);
        double[] bounds = t.bounds(in.data());
        double[] expected = Ref.doubles(name + "_bounds");
        assertThat(Ref.report("percentile bounds " + name, Math.max(Math.abs(bounds[0] - expected[0]), Math.abs(bounds[1] - expected[1]))))
                .isLessThanOrEqualTo(1e-9);
        float[] out = t.applyTo(in).data();
        assertThat(Ref.report("percentile scale " + name, Ref.maxAbsDiff(out, Ref.floats(name)))).isLessThanOrEqualTo(1e-7);
    }

    @Test
    void percentileOfSmallHandWorkedCase() {
        // numpy.percentile([1., 2, 3, 4], [25, 99]) = 1.75, 3.9699999999999998 (3.97 in decimal, rounded as numpy's lerp)
        double[] p = Percentiles.ofSorting(new double[] {4, 1, 3, 2}, 25, 99, 0, 100);
        assertThat(p).containsExactly(1.75, 3.9699999999999998, 1.0, 4.0);
    }

    @Test
    void percentileScaleOfConstantImageIsZero() {
        TypedImage c = TypedImage.image(new float[] {5, 5, 5, 5}, 1, 2, 2);
        assertThat(PercentileScale.p1p99().applyTo(c).data()).containsOnly(0f);
        TypedImage zeros = TypedImage.image(new float[4], 1, 2, 2);
        assertThat(new PercentileScale(1, 99, true).applyTo(zeros).data()).containsOnly(0f);
    }

    @Test
    void zScoreOverNonZeroMatchesNumpy() {
        float[] out = new ZScore().applyTo(Ref.image("pct_in")).data();
        assertThat(Ref.report("z-score non-zero", Ref.maxAbsDiff(out, Ref.floats("zscore_out")))).isLessThanOrEqualTo(1e-6);
        float[] in = Ref.floats("pct_in");
        for (int i = 0; i < in.length; i++) if (in[i] == 0) assertThat(out[i]).isZero();
    }

    @Test
    void zScoreEdgeCases() {
        // no non-zero voxel: unchanged
        assertThat(new ZScore().applyTo(TypedImage.image(new float[4], 1, 2, 2)).data()).containsOnly(0f);
        // constant non-zero voxels: mean removed, std treated as 1
        assertThat(new ZScore().applyTo(TypedImage.image(new float[] {0, 3, 3, 3}, 1, 2, 2)).data()).containsOnly(0f);
        // hand-worked: non-zero {1, 3}: mean 2, std 1
        assertThat(new ZScore().applyTo(TypedImage.image(new float[] {0, 1, 3, 0}, 1, 2, 2)).data())
                .containsExactly(0f, -1f, 1f, 0f);
    }

    @ParameterizedTest
    @EnumSource(CtWindow.Preset.class)
    void ctWindowsMatchNumpy(CtWindow.Preset preset) {
        float[] out = new CtWindow(preset).applyTo(Ref.image("hu_in")).data();
        String name = "window_" + preset.name().toLowerCase();
        assertThat(Ref.report("CT window " + preset, Ref.maxAbsDiff(out, Ref.floats(name)))).isLessThanOrEqualTo(6e-8);
    }

    @Test
    void ctWindowHandWorked() {
        // lung L −600 W 1500: −1350 → 0, −600 → 0.5, 150 → 1; brain L 40 W 80: 0 → 0, 40 → 0.5, 80 → 1
        float[] lung = new CtWindow(CtWindow.Preset.LUNG).applyTo(TypedImage.image(new float[] {-2000, -1350, -600, 150}, 1, 2, 2)).data();
        assertThat(lung).containsExactly(0f, 0f, 0.5f, 1f);
        float[] brain = new CtWindow(CtWindow.Preset.BRAIN).applyTo(TypedImage.image(new float[] {0, 40, 80, 1000}, 1, 2, 2)).data();
        assertThat(brain).containsExactly(0f, 0.5f, 1f, 1f);
    }

    @Test
    void huClampDefaultIsBenchmarkRange() {
        float[] out = new HuClamp().applyTo(Ref.image("hu_in")).data();
        assertThat(Ref.maxAbsDiff(out, Ref.floats("huclamp"))).isZero();
        float[] scaled = new HuClamp(-1024, 600, true).applyTo(TypedImage.image(new float[] {-3000, -1024, 600, 3000}, 1, 2, 2)).data();
        assertThat(scaled).containsExactly(0f, 0f, 1f, 1f);
    }

    @Test
    void minMaxScale() {
        assertThat(new MinMaxScale().applyTo(TypedImage.image(new float[] {2, 4, 6, 10}, 1, 2, 2)).data())
                .containsExactly(0f, 0.25f, 0.5f, 1f);
        assertThat(new MinMaxScale().applyTo(TypedImage.image(new float[] {7, 7, 7, 7}, 1, 2, 2)).data()).containsOnly(0f);
    }

    @Test
    void normalizeWithImagenetStatisticsMatchesFloat32Numpy() {
        float[] out = Normalize.of(Preprocessing.DINOV2).applyTo(Ref.image("norm_in")).data();
        assertThat(Ref.report("normalize (ImageNet)", Ref.maxAbsDiff(out, Ref.floats("norm_imagenet")))).isLessThanOrEqualTo(5e-7);
    }

    @Test
    void normalizeRejectsChannelMismatch() {
        assertThatThrownBy(() -> Normalize.of(Preprocessing.DINOV2).applyTo(TypedImage.image(new float[4], 2, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intensityTransformsLeaveLabelMapsAlone() {
        TypedImage mask = TypedImage.labels(new float[] {0, 1, 2, 3}, 1, 2, 2);
        Sample s = Sample.of("image", TypedImage.image(new float[] {-1000, 0, 50, 400}, 1, 2, 2), "mask", mask);
        Transform all = Compose.of(new HuClamp(), new CtWindow(CtWindow.Preset.ABDOMEN), new ZScore(), new MinMaxScale(),
                PercentileScale.p5p95(), new Normalize(new double[] {0.5}, new double[] {0.25}));
        Sample out = all.apply(s);
        assertThat(out.image("mask")).isSameAs(mask);
        assertThat(out.image("image").data()).isNotEqualTo(s.image("image").data());
    }
}
