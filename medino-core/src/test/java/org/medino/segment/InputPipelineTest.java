package org.medino.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.medino.transform.TypedImage;

class InputPipelineTest {
    private static final double[] MEAN = {0.5, 0.25, 0.0};
    private static final double[] STD = {0.5, 0.25, 2.0};

    @Test
    void sidesArePaddedToTheNextMultiple() {
        assertThat(InputPipeline.paddedSize(448, 14)).isEqualTo(448);
        assertThat(InputPipeline.paddedSize(100, 14)).isEqualTo(112);
        assertThat(InputPipeline.paddedSize(100, 16)).isEqualTo(112);
        assertThat(InputPipeline.paddedSize(64, 16)).isEqualTo(64);
    }

    @Test
    void greyIsRepeatedNormalizedAndZeroPadded() {
        // A constant grey plane survives any resize unchanged: value 0.75 everywhere.
        float[] grey = new float[9 * 9];
        java.util.Arrays.fill(grey, 0.75f);
        SlicePlane plane = new SlicePlane(0, 0, TypedImage.image(grey, 1, 9, 9), new int[81]);
        InputPipeline pipeline = new InputPipeline(10, 14, MEAN, STD);
        assertThat(pipeline.padded()).isEqualTo(14);
        InputPipeline.Prepared p = pipeline.prepare(plane, null);
        assertThat(p.image()).hasSize(3 * 14 * 14);
        assertThat(p.labels()).hasSize(100);
        for (int c = 0; c < 3; c++) {
            float inside = p.image()[c * 196 + 3 * 14 + 4];
            assertThat((double) inside).isCloseTo((0.75 - MEAN[c]) / STD[c], org.assertj.core.data.Offset.offset(1e-5));
            assertThat(p.image()[c * 196 + 12 * 14 + 4]).isZero(); // padding row
            assertThat(p.image()[c * 196 + 4 * 14 + 11]).isZero(); // padding column
        }
    }

    @Test
    void augmentationMovesImageAndMaskTogether() {
        // The image is 1 inside a square and 0 outside; the mask is label 1 on the same square.
        int n = 32;
        float[] v = new float[n * n];
        int[] labels = new int[n * n];
        for (int y = 8; y < 20; y++) for (int x = 12; x < 26; x++) {
            v[y * n + x] = 1f;
            labels[y * n + x] = 1;
        }
        SlicePlane plane = new SlicePlane(0, 0, TypedImage.image(v, 1, n, n), labels);
        InputPipeline pipeline = new InputPipeline(32, 16, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        SplittableRandom random = new SplittableRandom(11);
        for (int draw = 0; draw < 20; draw++) {
            InputPipeline.Prepared p = pipeline.prepare(plane, random.split());
            int agree = 0;
            int labelled = 0;
            for (int i = 0; i < n * n; i++) {
                if (p.labels()[i] == 1) {
                    labelled++;
                    if (p.image()[i] > 0.5f) agree++;
                }
            }
            // Interpolation blurs the edge by a pixel; the bulk of the labelled pixels must be bright.
            if (labelled > 20) assertThat((double) agree / labelled).isGreaterThan(0.8);
        }
    }

    @Test
    void theSameRandomStreamGivesTheSameAugmentation() {
        float[] v = new float[16 * 16];
        for (int i = 0; i < v.length; i++) v[i] = (i % 17) / 17f;
        SlicePlane plane = new SlicePlane(0, 0, TypedImage.image(v, 1, 16, 16), new int[256]);
        InputPipeline pipeline = new InputPipeline(16, 16, MEAN, STD);
        assertThat(pipeline.prepare(plane, new SplittableRandom(5)).image())
                .containsExactly(pipeline.prepare(plane, new SplittableRandom(5)).image());
    }
}
