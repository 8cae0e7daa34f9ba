package org.medino.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medino.model.Preprocessing;

class Spatial2dTransformsTest {

    @ParameterizedTest
    @CsvSource({"16, 20", "45, 50", "16, 40"})
    void bicubicResizeMatchesTorch(int h, int w) {
        TypedImage in = Ref.image("rs_in");
        TypedImage aa = new Resize(h, w).applyTo(in);
        TypedImage plain = new Resize(h, w, false).applyTo(in);
        assertThat(aa.shape()).containsExactly(3, h, w);
        assertThat(Ref.report("bicubic aa " + h + "x" + w, Ref.maxAbsDiff(aa.data(), Ref.floats("rs_bicubic_aa_" + h + "x" + w))))
                .isLessThanOrEqualTo(1e-6);
        assertThat(Ref.report("bicubic noaa " + h + "x" + w, Ref.maxAbsDiff(plain.data(), Ref.floats("rs_bicubic_noaa_" + h + "x" + w))))
                .isLessThanOrEqualTo(1e-6);
    }

    @ParameterizedTest
    @CsvSource({"16, 20", "45, 50", "74, 58", "37, 29", "11, 87"})
    void nearestResizeOfLabelsMatchesTorchExactly(int h, int w) {
        TypedImage out = new Resize(h, w).applyTo(Ref.labels("rs_lab"));
        assertThat(out.kind()).isEqualTo(ImageKind.LABEL_MAP);
        assertThat(out.data()).containsExactly(Ref.floats("rs_nearest_" + h + "x" + w));
    }

    @Test
    void resizeShorterSideFollowsTorchvisionSizes() {
        assertThat(ResizeShorter.outputSize(30, 45, 16)).containsExactly(16, 24);
        assertThat(ResizeShorter.outputSize(45, 30, 16)).containsExactly(24, 16);
        assertThat(ResizeShorter.outputSize(100, 100, 16)).containsExactly(16, 16);
        assertThat(ResizeShorter.outputSize(3, 10, 7)).containsExactly(7, 23); // int(70/3) = int(23.33)
        TypedImage out = new ResizeShorter(16).applyTo(Ref.image("rsc_in"));
        assertThat(Ref.report("ResizeShorter(16)", Ref.maxAbsDiff(out.data(), Ref.floats("rsc_resized")))).isLessThanOrEqualTo(1e-6);
    }

    @ParameterizedTest
    @CsvSource({"13, 21", "20, 20", "16, 9"})
    void centreCropMatchesTorchvisionOffsetsAndPadding(int h, int w) {
        TypedImage resized = TypedImage.image(Ref.floats("rsc_resized"), Ref.shape("rsc_resized"));
        TypedImage out = new CenterCrop(h, w).applyTo(resized);
        assertThat(out.data()).containsExactly(Ref.floats("rsc_crop" + h + "x" + w));
    }

    @Test
    void centreCropOffsetsRoundHalfToEven() {
        assertThat(CenterCrop.offset(16, 13)).isEqualTo(2); // round(1.5) = 2
        assertThat(CenterCrop.offset(15, 14)).isEqualTo(0); // round(0.5) = 0
        assertThat(CenterCrop.offset(19, 14)).isEqualTo(2); // round(2.5) = 2
        assertThat(CenterCrop.offset(10, 15)).isEqualTo(-2); // pad 2 before, 3 after
    }

    @Test
    void modelPreprocessingMatchesTorchPipeline() {
        Preprocessing p = new Preprocessing(16, 14, "bicubic", Preprocessing.RAD_DINO.mean(), Preprocessing.RAD_DINO.std());
        Sample out = ModelPreprocess.of(p).apply(Sample.of("image", Ref.image("rsc_in")));
        assertThat(out.image("image").shape()).containsExactly(3, 14, 14);
        assertThat(Ref.report("Preprocessing pipeline", Ref.maxAbsDiff(out.image("image").data(), Ref.floats("prep_out"))))
                .isLessThanOrEqualTo(5e-6);
    }

    @Test
    void patchMultiplePadsLikeDinoV2CenterPadding() {
        TypedImage in = Ref.image("pm_in");
        TypedImage padded = new PatchMultiple(14, PatchMultiple.Mode.PAD, 0.5f).applyTo(in);
        assertThat(padded.shape()).containsExactly(2, 28, 42);
        assertThat(padded.data()).containsExactly(Ref.floats("pm_pad14_fill0p5"));
        assertThat(PatchMultiple.crop(14).applyTo(in).data()).containsExactly(Ref.floats("pm_crop14"));
        // label maps are padded with 0 whatever the image fill
        TypedImage lab = TypedImage.labels(new float[17 * 30], 1, 17, 30);
        java.util.Arrays.fill(lab.data(), 2f);
        TypedImage lp = new PatchMultiple(14, PatchMultiple.Mode.PAD, 0.5f).applyTo(lab);
        assertThat(lp.data()).containsOnly(0f, 2f);
        assertThat(lp.data()[0]).isZero();
    }

    @Test
    void greyToRgbRepeatsTheChannel() {
        TypedImage out = new GreyToRgb().applyTo(TypedImage.image(new float[] {1, 2, 3, 4}, 1, 2, 2));
        assertThat(out.shape()).containsExactly(3, 2, 2);
        assertThat(out.data()).containsExactly(1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4);
        TypedImage mask = TypedImage.labels(new float[] {0, 1, 1, 0}, 1, 2, 2);
        assertThat(new GreyToRgb().applyTo(mask)).isSameAs(mask);
    }

    /** The world position of image content is kept: voxel centres sampled exactly stay at the same place. */
    @Test
    void affineFollowsCropPadAndResize() {
        double[][] a = {{0.5, 0, 0, 10}, {0, 0.7, 0, -4}, {0, 0, 1, 2}, {0, 0, 0, 1}};
        TypedImage in = TypedImage.of(ImageKind.IMAGE, new float[20 * 30], new int[] {1, 20, 30}, null, a);
        TypedImage cropped = new CenterCrop(10, 11).applyTo(in); // offsets 5, round(9.5) = 10
        assertThat(cropped.affine()[0][3]).isEqualTo(10 + 5 * 0.5);
        assertThat(cropped.affine()[1][3]).isEqualTo(-4 + 10 * 0.7);
        TypedImage padded = PatchMultiple.pad(14).applyTo(in); // 20 → 28 (4 before), 30 → 42 (6 before)
        assertThat(padded.affine()[0][3]).isEqualTo(10 - 4 * 0.5);
        assertThat(padded.affine()[1][3]).isCloseTo(-4 - 6 * 0.7, org.assertj.core.data.Offset.offset(1e-12));
        TypedImage half = new Resize(10, 15).applyTo(in); // factor 2: new pixel 0 covers old pixels 0 and 1
        assertThat(half.spacing()).containsExactly(1.0, 1.4);
        assertThat(half.affine()[0][3]).isEqualTo(10 + 0.5 * 0.5);
    }
}
