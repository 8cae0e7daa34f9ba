package org.medino.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.embed.IntensityScaling;
import org.medino.image.MedicalImage;
import org.medino.image.NdArray;
import org.medino.image.nifti.NiftiReader;
import org.medino.image.nifti.NiftiWriter;

class PredictionWriterTest {
    @TempDir
    Path dir;

    private static final double[][] AFFINE = {{0, -0.8, 0, 40}, {0.8, 0, 0, -12}, {0, 0, 2.5, 7}, {0, 0, 0, 1}};

    @Test
    void aSingleSliceNiftiIsScoredIn2dAndWrittenBackInItsOwnShapeAndAffine() {
        double[] v = new double[5 * 4];
        for (int i = 0; i < v.length; i++) v[i] = i;
        Path image = dir.resolve("slice.nii.gz");
        NiftiWriter.write(image, NdArray.ofExact(v, 5, 4, 1), AFFINE);
        LoadedCase c = new CaseLoader(IntensityScaling.NONE).loadImage("slice", image);
        assertThat(c.isVolume()).isFalse();
        assertThat(c.spatialShape()).containsExactly(5, 4);
        assertThat(c.spacing()).containsExactly(new double[] {0.8, 0.8}, org.assertj.core.data.Offset.offset(1e-6));
        int[] labels = new int[20];
        for (int i = 0; i < 20; i++) labels[i] = i % 3;
        Path out = dir.resolve("pred.nii.gz");
        assertThat(PredictionWriter.write(out, c, labels)).isNull();
        MedicalImage back = NiftiReader.read(out);
        MedicalImage source = NiftiReader.read(image); // NIfTI keeps the affine in float32
        assertThat(back.voxels().shape()).containsExactly(5, 4, 1);
        for (int r = 0; r < 4; r++) assertThat(back.affine()[r]).containsExactly(source.affine()[r]);
        float[] read = back.voxels().floats();
        for (int i = 0; i < 20; i++) assertThat((int) read[i]).isEqualTo(labels[i]);
    }

    @Test
    void aPngMaskHoldsTheLabelsAndAnOverlayIsWrittenBesideIt() throws Exception {
        Path image = dir.resolve("img.png");
        BufferedImage grey = new BufferedImage(6, 3, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(grey, "png", image.toFile());
        LoadedCase c = new CaseLoader(IntensityScaling.AUTO).loadImage("img", image);
        int[] labels = {0, 1, 2, 3, 4, 300, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
        Path out = dir.resolve("mask.png");
        Path overlay = PredictionWriter.write(out, c, labels);
        assertThat(overlay).isEqualTo(dir.resolve("mask_overlay.png")).exists();
        BufferedImage read = ImageIO.read(out.toFile());
        assertThat(read.getRaster().getPixels(0, 0, 6, 3, (int[]) null)).containsExactly(labels); // 16-bit: 300 survives
        assertThat(ImageIO.read(overlay.toFile()).getWidth()).isEqualTo(6);
    }

    @Test
    void aVolumeCannotBeAPngAndUnknownExtensionsAreNamed() {
        double[] v = new double[2 * 3 * 4];
        Path image = dir.resolve("vol.nii");
        NiftiWriter.write(image, NdArray.ofExact(v, 2, 3, 4), AFFINE);
        LoadedCase c = new CaseLoader(IntensityScaling.NONE).loadImage("vol", image);
        assertThatThrownBy(() -> PredictionWriter.write(dir.resolve("v.png"), c, new int[24])).hasMessageContaining("needs a NIfTI name");
        assertThatThrownBy(() -> PredictionWriter.write(dir.resolve("v.mha"), c, new int[24])).hasMessageContaining(".nii.gz, .nii or .png");
    }
}
