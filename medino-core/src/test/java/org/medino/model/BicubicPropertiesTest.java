package org.medino.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Reference-free properties of {@link Bicubic}. */
class BicubicPropertiesTest {

    private static float[] random(long seed, int n) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    @Property(tries = 200)
    void constantImageStaysConstant(@ForAll @IntRange(min = 1, max = 3) int channels,
                                    @ForAll @IntRange(min = 1, max = 40) int inH,
                                    @ForAll @IntRange(min = 1, max = 40) int inW,
                                    @ForAll @IntRange(min = 1, max = 40) int outH,
                                    @ForAll @IntRange(min = 1, max = 40) int outW,
                                    @ForAll @DoubleRange(min = -3, max = 3) double value,
                                    @ForAll boolean antialias) {
        float v = (float) value;
        float[] src = new float[channels * inH * inW];
        Arrays.fill(src, v);
        float[] out = Bicubic.resize(src, channels, inH, inW, outH, outW, antialias);
        assertThat(out).hasSize(channels * outH * outW);
        for (float o : out) {
            assertThat((double) o).isCloseTo(v, org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    @Property(tries = 100)
    void sameSizeIsIdentity(@ForAll @IntRange(min = 1, max = 3) int channels,
                            @ForAll @IntRange(min = 1, max = 30) int h,
                            @ForAll @IntRange(min = 1, max = 30) int w,
                            @ForAll boolean antialias,
                            @ForAll long seed) {
        float[] src = random(seed, channels * h * w);
        assertThat(Bicubic.resize(src, channels, h, w, h, w, antialias)).containsExactly(src);
        assertThat(Bicubic.resizeByScale(src, channels, h, w, 1.0, 1.0, antialias)).containsExactly(src);
    }

    @Property(tries = 100)
    void channelsAreIndependent(@ForAll @IntRange(min = 2, max = 4) int channels,
                                @ForAll @IntRange(min = 1, max = 20) int inH,
                                @ForAll @IntRange(min = 1, max = 20) int inW,
                                @ForAll @IntRange(min = 1, max = 20) int outH,
                                @ForAll @IntRange(min = 1, max = 20) int outW,
                                @ForAll boolean antialias,
                                @ForAll long seed) {
        float[] src = random(seed, channels * inH * inW);
        float[] all = Bicubic.resize(src, channels, inH, inW, outH, outW, antialias);
        for (int c = 0; c < channels; c++) {
            float[] one = Arrays.copyOfRange(src, c * inH * inW, (c + 1) * inH * inW);
            float[] got = Bicubic.resize(one, 1, inH, inW, outH, outW, antialias);
            assertThat(Arrays.copyOfRange(all, c * outH * outW, (c + 1) * outH * outW)).containsExactly(got);
        }
    }

    @Property(tries = 100)
    void scaleFormUsesFloorOfDoubleProduct(@ForAll @IntRange(min = 1, max = 64) int in,
                                           @ForAll @DoubleRange(min = 0.05, max = 4) double s) {
        assertThat(Bicubic.scaledSize(in, s)).isEqualTo((int) Math.floor(in * s));
    }

    @Property(tries = 100)
    void sizeFormEqualsScaleFormWhenScaleIsExactRatio(@ForAll @IntRange(min = 1, max = 5) int k,
                                                      @ForAll @IntRange(min = 1, max = 12) int in,
                                                      @ForAll boolean antialias,
                                                      @ForAll long seed) {
        // Integer up-scaling by k: in/out == 1/k exactly in float for these sizes.
        float[] src = random(seed, 2 * in * in);
        float[] a = Bicubic.resize(src, 2, in, in, in * k, in * k, antialias);
        float[] b = Bicubic.resizeByScale(src, 2, in, in, k, k, antialias);
        assertThat(b).containsExactly(a);
    }

    @Test
    void aaSameSizeAxisCopyLeavesThatAxisUntouched() {
        // floor(10 * 1.05) == 10 while the requested scale is not 1: current PyTorch copies the axis.
        int c = 2, h = 10, w = 12;
        float[] src = random(7, c * h * w);
        float[] copy = Bicubic.resizeByScale(src, c, h, w, 1.05, 1.05, true, Bicubic.AaSameSizeAxis.COPY);
        assertThat(copy).containsExactly(src);
        float[] resampled = Bicubic.resizeByScale(src, c, h, w, 1.05, 1.05, true, Bicubic.AaSameSizeAxis.RESAMPLE);
        assertThat(resampled).isNotEqualTo(src);
        // Only the height axis unchanged: the result equals the width-only resampling.
        float[] mixed = Bicubic.resizeByScale(src, c, h, w, 1.05, 0.5, true, Bicubic.AaSameSizeAxis.COPY);
        float[] widthOnly = Bicubic.resize(src, c, h, w, h, 6, true);
        assertThat(mixed).containsExactly(widthOnly);
    }

    @Test
    void dinoV2ScaleFactors() {
        // sx = (w0 + 0.1) / M must give w0 output positions for the usual grids.
        for (int m : new int[] {16, 37}) {
            for (int n = 1; n <= 100; n++) {
                assertThat(Bicubic.scaledSize(m, (n + 0.1) / m)).as("M=%d n=%d", m, n).isEqualTo(n);
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Bicubic.resize(new float[5], 1, 2, 2, 3, 3, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bicubic.resize(new float[4], 1, 2, 2, 0, 3, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bicubic.resizeByScale(new float[4], 1, 2, 2, 0.1, 1.0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bicubic.resizeByScale(new float[4], 1, 2, 2, -1, 1.0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void positionEmbeddingSizedInputIsFast() {
        int c = 1536, m = 37;
        float[] src = random(1, c * m * m);
        for (int warm = 0; warm < 3; warm++) {
            Bicubic.resize(src, c, m, m, 16, 16, false);
            Bicubic.resize(src, c, m, m, 16, 16, true);
        }
        long t0 = System.nanoTime();
        float[] a = Bicubic.resizeByScale(src, c, m, m, 16.1 / 37, 16.1 / 37, false);
        long t1 = System.nanoTime();
        float[] b = Bicubic.resize(src, c, m, m, 16, 16, true);
        long t2 = System.nanoTime();
        float[] d = Bicubic.resize(src, c, m, m, 64, 64, false);
        long t3 = System.nanoTime();
        System.out.printf("PERF 37x37x1536->16x16 noaa %.2f ms, aa %.2f ms; ->64x64 noaa %.2f ms%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        assertThat(a).hasSize(c * 256);
        assertThat(b).hasSize(c * 256);
        assertThat(d).hasSize(c * 64 * 64);
    }
}
