package org.medino.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AugmentationsTest {

    /** A 24×32 image whose values encode position, and a checkerboard mask of 4×4 blocks. */
    static Sample checkerboard() {
        int h = 24, w = 32;
        float[] img = new float[h * w];
        float[] mask = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean on = ((y / 4) + (x / 4)) % 2 == 0;
                mask[y * w + x] = on ? 1 : 0;
                img[y * w + x] = on ? 0.9f : 0.1f;
            }
        }
        return Sample.of("image", TypedImage.image(img, 1, h, w), "mask", TypedImage.labels(mask, 1, h, w));
    }

    static Transform pipeline() {
        return Compose.of(new RandomResizedCrop(16, 16), RandomFlip.horizontal(0.5), RandomFlip.vertical(0.5),
                new RandomRotation(30), new RandomGamma(0.7, 1.5), new RandomBrightnessContrast(0.4, 0.4));
    }

    @Test
    void sameSeedSameOutputDifferentSeedsDiffer() {
        Sample s = checkerboard();
        Sample a = pipeline().apply(s, 42);
        Sample b = pipeline().apply(s, 42);
        assertThat(a.image("image").data()).containsExactly(b.image("image").data());
        assertThat(a.image("mask").data()).containsExactly(b.image("mask").data());
        Set<String> outputs = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) outputs.add(java.util.Arrays.toString(pipeline().apply(s, seed).image("image").data()));
        assertThat(outputs).hasSize(10);
    }

    @Test
    void randomTransformsRefuseToRunWithoutASeed() {
        assertThatThrownBy(() -> new RandomRotation(10).apply(checkerboard())).isInstanceOf(IllegalStateException.class);
    }

    /** Geometry is joint: where the image is bright (0.9 before) the mask must be 1, for pure-geometry transforms. */
    @Test
    void maskFollowsTheImage() {
        Transform geometric = Compose.of(RandomFlip.horizontal(0.5), RandomFlip.vertical(0.5), new RandomRotation(180));
        for (long seed = 0; seed < 20; seed++) {
            Sample out = geometric.apply(checkerboard(), seed);
            float[] img = out.image("image").data();
            float[] mask = out.image("mask").data();
            int agree = 0, decided = 0;
            for (int i = 0; i < img.length; i++) {
                if (img[i] > 0.85f) { decided++; if (mask[i] == 1) agree++; }
                if (img[i] > 0.05f && img[i] < 0.15f) { decided++; if (mask[i] == 0) agree++; }
            }
            assertThat(agree).as("seed %d", seed).isEqualTo(decided);
            assertThat(decided).isGreaterThan(img.length / 3);
            assertThat(out.image("image").affine()).isDeepEqualTo(out.image("mask").affine());
        }
    }

    @Test
    void labelMapsKeepOnlyTheirValues() {
        float[] m = new float[24 * 32];
        for (int i = 0; i < m.length; i++) m[i] = new float[] {0, 3, 7}[i % 3];
        Sample s = checkerboard().with("mask", TypedImage.labels(m, 1, 24, 32));
        for (long seed = 0; seed < 20; seed++) {
            float[] out = pipeline().apply(s, seed).image("mask").data();
            for (float v : out) assertThat(v).isIn(0f, 3f, 7f);
        }
    }

    @Test
    void missingNamesAreTolerated() {
        Sample onlyImage = checkerboard().without("mask");
        assertThat(pipeline().apply(onlyImage, 3).names()).containsExactly("image");
        assertThat(pipeline().apply(Sample.empty(), 3).isEmpty()).isTrue();
    }

    // ------------------------------------------------------------- rotation against scipy / torch

    @ParameterizedTest
    @CsvSource({"23.5, 23p5", "-71.0, m71p0", "90.0, 90p0"})
    void rotationWithFixedAngleMatchesScipyAndGridSample(double angle, String tag) {
        Sample s = Sample.of("image", Ref.image("rot_in"), "mask", Ref.labels("rot_lab"));
        Sample out = new RandomRotation(180).applyWith(s, angle);
        assertThat(Ref.report("rotation bilinear vs scipy " + tag, Ref.maxAbsDiff(out.image("image").data(), Ref.floats("rot_" + tag))))
                .isLessThanOrEqualTo(1e-6);
        assertThat(Ref.report("rotation bilinear vs grid_sample " + tag,
                Ref.maxAbsDiff(out.image("image").data(), Ref.floats("rot_gridsample_" + tag)))).isLessThanOrEqualTo(1e-6);
        assertThat(out.image("mask").data()).containsExactly(Ref.floats("rot_lab_" + tag));
    }

    @Test
    void positiveAngleIsCounterClockwiseAsDisplayed() {
        TypedImage sq = Ref.image("rot_sq_in");
        float[] out = new RandomRotation(90).applyWith(Sample.of("x", sq), 90.0).image("x").data();
        assertThat(Ref.report("rotation +90 vs np.rot90", Ref.maxAbsDiff(out, Ref.floats("rot_sq_rot90")))).isLessThanOrEqualTo(1e-6);
    }

    // ------------------------------------------------------------- random resized crop

    @Test
    void resizedCropWithFixedBoxMatchesTorch() {
        Sample s = Sample.of("image", Ref.image("rrc_in"), "mask", Ref.labels("rrc_lab"));
        Sample out = new RandomResizedCrop(16, 16).applyWith(s, new RandomResizedCrop.Box(3, 5, 20, 15));
        assertThat(Ref.report("resized crop bicubic", Ref.maxAbsDiff(out.image("image").data(), Ref.floats("rrc_out"))))
                .isLessThanOrEqualTo(1e-6);
        assertThat(out.image("mask").data()).containsExactly(Ref.floats("rrc_lab_out"));
    }

    @Test
    void resizedCropFallsBackToTheCentreCropOfTorchvision() {
        // 10×20 image, scale (1, 1), ratio (1, 1): w = h = round(sqrt(200)) = 14 > 10 every time → fallback:
        // in_ratio 2 > 1 → h = 10, w = round(10 · 1) = 10, top = 0, left = (20 − 10) // 2 = 5
        RandomResizedCrop t = new RandomResizedCrop(8, 8, 1, 1, 1, 1);
        assertThat(t.sampleBox(10, 20, new SplittableRandom(1))).isEqualTo(new RandomResizedCrop.Box(0, 5, 10, 10));
        // 20×10 with ratio (3/4, 4/3): in_ratio 0.5 < 3/4 → w = 10, h = round(10 / 0.75) = 13, top = 3
        RandomResizedCrop u = new RandomResizedCrop(8, 8, 1, 1, 0.75, 4.0 / 3.0);
        assertThat(u.sampleBox(20, 10, new SplittableRandom(1))).isEqualTo(new RandomResizedCrop.Box(3, 0, 13, 10));
    }

    @Test
    void resizedCropBoxesStayInsideAndCoverTheScaleRange() {
        RandomResizedCrop t = new RandomResizedCrop(16, 16);
        SplittableRandom r = new SplittableRandom(7);
        double minArea = 1, maxArea = 0;
        for (int i = 0; i < 2000; i++) {
            RandomResizedCrop.Box b = t.sampleBox(60, 80, r);
            assertThat(b.top()).isBetween(0, 60 - b.height());
            assertThat(b.left()).isBetween(0, 80 - b.width());
            double area = (double) b.height() * b.width() / (60 * 80);
            minArea = Math.min(minArea, area);
            maxArea = Math.max(maxArea, area);
        }
        assertThat(minArea).isLessThan(0.12);
        assertThat(maxArea).isGreaterThan(0.85);
    }

    // ------------------------------------------------------------- flips, gamma, brightness/contrast

    @Test
    void flipsMirrorImageAndMaskAndUpdateTheAffine() {
        Sample s = Sample.of("image", TypedImage.image(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3),
                "mask", TypedImage.labels(new float[] {0, 0, 1, 0, 2, 2}, 1, 2, 3));
        Sample h = RandomFlip.horizontal(1).applyWith(s, true);
        assertThat(h.image("image").data()).containsExactly(3, 2, 1, 6, 5, 4);
        assertThat(h.image("mask").data()).containsExactly(1, 0, 0, 2, 2, 0);
        assertThat(h.image("image").affine()[1]).containsExactly(0, -1, 0, 2);
        Sample v = RandomFlip.vertical(1).applyWith(s, true);
        assertThat(v.image("image").data()).containsExactly(4, 5, 6, 1, 2, 3);
        assertThat(RandomFlip.horizontal(0).apply(s, 5)).isSameAs(s);
    }

    @Test
    void gammaMatchesNumpyAndIsLogUniform() {
        Sample s = Sample.of("image", Ref.image("norm_in"));
        float[] out = new RandomGamma(0.5, 2).applyWith(s, 0.7).image("image").data();
        assertThat(Ref.report("gamma 0.7", Ref.maxAbsDiff(out, Ref.floats("gamma_0p7")))).isLessThanOrEqualTo(6e-8);
        RandomGamma g = new RandomGamma(0.5, 2);
        SplittableRandom r = new SplittableRandom(3);
        int below = 0;
        for (int i = 0; i < 4000; i++) {
            double gamma = g.sample(s, r);
            assertThat(gamma).isBetween(0.5, 2.0);
            if (gamma < 1) below++;
        }
        assertThat(below).isBetween(1800, 2200); // log-uniform on [1/2, 2]: half below 1
    }

    @Test
    void brightnessAndContrastMatchTorchvisionFormulas() {
        TypedImage in = Ref.image("norm_in");
        RandomBrightnessContrast t = new RandomBrightnessContrast(0.5, 0.5);
        float[] bf = t.applyWith(Sample.of("x", in), new RandomBrightnessContrast.Factors(1.3, 0.6, true)).image("x").data();
        float[] cf = t.applyWith(Sample.of("x", in), new RandomBrightnessContrast.Factors(1.3, 0.6, false)).image("x").data();
        assertThat(Ref.report("brightness then contrast", Ref.maxAbsDiff(bf, Ref.floats("bc_b1p3_c0p6_bfirst")))).isLessThanOrEqualTo(1e-7);
        assertThat(Ref.report("contrast then brightness", Ref.maxAbsDiff(cf, Ref.floats("bc_b1p3_c0p6_cfirst")))).isLessThanOrEqualTo(1e-7);
        float[] grey = java.util.Arrays.copyOf(in.data(), 72);
        float[] g = RandomBrightnessContrast.contrast(grey, 1, 1.4);
        assertThat(Ref.maxAbsDiff(g, Ref.floats("bc_grey_c1p4"))).isLessThanOrEqualTo(1e-7);
    }
}
