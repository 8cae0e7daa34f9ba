package org.medino.model;

/**
 * Bicubic resampling of channel-first float images, reproducing
 * {@code torch.nn.functional.interpolate(x, mode="bicubic", align_corners=False, antialias=...)}
 * on a float32 tensor of shape {@code [1, C, H, W]} (CPU kernels).
 *
 * <p>All arrays are row-major {@code [C][H][W]}. Both PyTorch code paths are reproduced,
 * including the float32 arithmetic PyTorch uses to compute scales, source coordinates,
 * filter windows and weights. Where the C++ source leaves the rounding to the compiler (fused
 * multiply-add contraction, precision of the source coordinate), the choices reproduce the
 * PyTorch 1.13 x86-64 CPU build bit for bit on the weights that could be isolated; results
 * agree with it to a few float ulps (see BicubicReferenceTest):
 *
 * <ul>
 *   <li><b>antialias=false</b> ({@code upsample_bicubic2d}): Keys cubic convolution with
 *       A = -0.75 over 4 taps, source coordinate {@code scale*(dst+0.5)-0.5} (not clamped at 0),
 *       tap indices clamped to {@code [0, size-1]} (replicate border).</li>
 *   <li><b>antialias=true</b> ({@code _upsample_bicubic2d_aa}): Pillow-style separable filter with
 *       a = -0.5, support {@code 2*scale} when downsampling ({@code scale >= 1}) and 2 otherwise,
 *       window {@code [xmin, xmin+xsize)} derived from {@code center = scale*(i+0.5)}, weights
 *       normalised per output sample. Width is resampled first, then height.</li>
 * </ul>
 *
 * <p>The "scale" used by the kernel is the input/output ratio: {@code in/out} (computed in
 * float) for the size form, {@code (float)(1.0/scaleFactor)} for the scale-factor form
 * (recompute_scale_factor unset). With align_corners=False this holds for every output extent,
 * including 1 (the "scale 0 when out == 1" rule of {@code area_pixel_compute_scale} only applies
 * to align_corners=True in PyTorch 1.13 and later).
 */
public final class Bicubic {

    /**
     * What the antialiased path does on an axis whose output extent equals its input extent
     * while the requested scale factor is not exactly 1 (only possible in the scale-factor
     * form, e.g. {@code floor(37 * 37.1/37) == 37}).
     */
    public enum AaSameSizeAxis {
        /**
         * The axis is copied unchanged. Current PyTorch ({@code separable_upsample_generic_Nd_kernel_impl}
         * skips axes whose size does not change, and copies the input when no axis changes).
         */
        COPY,
        /**
         * The axis is resampled with the filter built from the requested scale factor, as
         * PyTorch 1.13 does (it runs both passes unconditionally).
         */
        RESAMPLE
    }

    /** Default behaviour of the antialiased path on same-size axes: that of current PyTorch. */
    public static final AaSameSizeAxis DEFAULT_AA_SAME_SIZE_AXIS = AaSameSizeAxis.COPY;

    /** Keys' cubic coefficient used without antialiasing (OpenCV compatible). */
    private static final float A_PLAIN = -0.75f;
    /** Keys' cubic coefficient used with antialiasing (Pillow compatible). */
    private static final float A_AA = -0.5f;

    private Bicubic() {
    }

    // ------------------------------------------------------------------ public API

    /**
     * {@code interpolate(x, size=(outH, outW), mode="bicubic", align_corners=False, antialias=antialias)}.
     *
     * @param src        {@code channels*inH*inW} values, layout {@code [C][H][W]}
     * @return           {@code channels*outH*outW} values, layout {@code [C][H][W]}
     */
    public static float[] resize(float[] src, int channels, int inH, int inW, int outH, int outW,
                                 boolean antialias) {
        checkArgs(src, channels, inH, inW);
        checkOutSize(outH, outW);
        float scaleH = sizeScale(inH, outH);
        float scaleW = sizeScale(inW, outW);
        return run(src, channels, inH, inW, outH, outW, scaleH, scaleW, antialias, DEFAULT_AA_SAME_SIZE_AXIS);
    }

    /**
     * {@code interpolate(x, scale_factor=(scaleH, scaleW), mode="bicubic", align_corners=False,
     * antialias=antialias)} with {@code recompute_scale_factor} unset: the output size is
     * {@link #scaledSize(int, double)} and the kernel uses {@code 1/scale}, not {@code in/out}.
     * Same-size axes under antialiasing follow {@link #DEFAULT_AA_SAME_SIZE_AXIS}.
     */
    public static float[] resizeByScale(float[] src, int channels, int inH, int inW,
                                        double scaleH, double scaleW, boolean antialias) {
        return resizeByScale(src, channels, inH, inW, scaleH, scaleW, antialias, DEFAULT_AA_SAME_SIZE_AXIS);
    }

    /**
     * As {@link #resizeByScale(float[], int, int, int, double, double, boolean)}, choosing how the
     * antialiased path treats an axis whose size does not change although its scale factor is
     * not 1 (see {@link AaSameSizeAxis}); irrelevant when {@code antialias} is false.
     */
    public static float[] resizeByScale(float[] src, int channels, int inH, int inW,
                                        double scaleH, double scaleW, boolean antialias,
                                        AaSameSizeAxis sameSizeAxis) {
        checkArgs(src, channels, inH, inW);
        if (!(scaleH > 0) || !(scaleW > 0) || Double.isInfinite(scaleH) || Double.isInfinite(scaleW)) {
            throw new IllegalArgumentException("scale factors must be positive and finite: " + scaleH + ", " + scaleW);
        }
        int outH = scaledSize(inH, scaleH);
        int outW = scaledSize(inW, scaleW);
        checkOutSize(outH, outW);
        float kh = factorScale(outH, scaleH);
        float kw = factorScale(outW, scaleW);
        return run(src, channels, inH, inW, outH, outW, kh, kw, antialias,
                sameSizeAxis == null ? DEFAULT_AA_SAME_SIZE_AXIS : sameSizeAxis);
    }

    /**
     * Output extent for a scale factor, as PyTorch's {@code upsample::compute_output_size}:
     * {@code (int64_t)((double) in * scale)}, i.e. the double product truncated (floor for
     * positive values).
     */
    public static int scaledSize(int in, double scale) {
        double p = (double) in * scale;
        long n = (long) p;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("output size too large: " + p);
        }
        return (int) n;
    }

    // ------------------------------------------------------------------ scales

    /** {@code area_pixel_compute_scale<float>} (align_corners=False) without a given scale: {@code (float) in / out}. */
    static float sizeScale(int in, int out) {
        return (float) in / (float) out;
    }

    /** {@code area_pixel_compute_scale<float>} (align_corners=False) with a given scale factor: {@code (float)(1.0/s)}. */
    static float factorScale(int out, double factor) {
        return (float) (1.0 / factor);
    }

    // ------------------------------------------------------------------ driver

    private static float[] run(float[] src, int channels, int inH, int inW, int outH, int outW,
                               float scaleH, float scaleW, boolean antialias, AaSameSizeAxis sameSizeAxis) {
        if (antialias) {
            boolean skipSame = sameSizeAxis == AaSameSizeAxis.COPY;
            float[] cur = src;
            int curW = inW;
            if (!(skipSame && outW == inW)) {
                Taps tw = aaTaps(inW, outW, scaleW);
                cur = passW(cur, channels, inH, inW, outW, tw);
                curW = outW;
            }
            if (!(skipSame && outH == inH)) {
                Taps th = aaTaps(inH, outH, scaleH);
                cur = passH(cur, channels, inH, curW, outH, th);
            }
            return cur == src ? src.clone() : cur;
        }
        // Non-antialiased kernel: torch evaluates, per output pixel,
        //   sum_j wh_j * (sum_k ww_k * x[h_j][w_k])
        // in float. The inner sums only depend on (row, output column), so computing the
        // width pass first and then the height pass performs the very same float operations.
        Taps tw = cubicTaps(inW, outW, scaleW);
        Taps th = cubicTaps(inH, outH, scaleH);
        float[] tmp = passW(src, channels, inH, inW, outW, tw);
        return passH(tmp, channels, inH, outW, outH, th);
    }

    // ------------------------------------------------------------------ taps

    /** Per output index: up to {@code stride} (input index, weight) pairs, of which {@code count[o]} are used. */
    static final class Taps {
        final int outSize;
        final int stride;      // taps slots per output
        final int[] count;     // taps used per output
        final int[] index;     // [outSize * stride] input indices
        final float[] weight;  // [outSize * stride] weights

        Taps(int outSize, int stride) {
            this.outSize = outSize;
            this.stride = stride;
            this.count = new int[outSize];
            this.index = new int[outSize * stride];
            this.weight = new float[outSize * stride];
        }
    }

    /**
     * Indices and weights of the non-antialiased cubic kernel ({@code HelperInterpCubic::compute_indices_weights}).
     *
     * <p>The float rounding follows what the PyTorch 1.13 CPU build measurably does (identified by
     * fitting its weights bit for bit): the source coordinate {@code scale*(i+0.5)-0.5} is kept in
     * double, the index is {@code floorf} of its float rounding, {@code t = (float)(src - index)}
     * (not clamped), and the cubic polynomials are evaluated with fused multiply-adds on all but
     * the last step (compiler contraction).
     */
    static Taps cubicTaps(int inSize, int outSize, float scale) {
        Taps t = new Taps(outSize, 4);
        float[] c = new float[4];
        for (int i = 0; i < outSize; i++) {
            double real = (double) scale * ((double) i + 0.5) - 0.5;
            long idx = Math.min((long) Math.floor((float) real), (long) inSize - 1);
            float lambda = (float) (real - (double) idx);
            cubicCoefficients(c, lambda);
            int base = i * 4;
            t.count[i] = 4;
            for (int j = 0; j < 4; j++) {
                long k = idx + j - 1;
                t.index[base + j] = (int) Math.max(Math.min(k, (long) inSize - 1), 0L);
                t.weight[base + j] = c[j];
            }
        }
        return t;
    }

    /** {@code get_cubic_upsample_coefficients<float>}: A = -0.75. */
    static void cubicCoefficients(float[] c, float t) {
        float x1 = t;
        c[0] = cubicConv2((float) ((double) x1 + 1.0), A_PLAIN, false);
        c[1] = cubicConv1(x1, A_PLAIN, false);
        float x2 = (float) (1.0 - (double) t);
        c[2] = cubicConv1(x2, A_PLAIN, false);
        c[3] = cubicConv2((float) ((double) x2 + 1.0), A_PLAIN, false);
    }

    /**
     * {@code ((A + 2) * x - (A + 3)) * x * x + 1} (|x| <= 1) in float, the first step fused;
     * the final {@code + 1} fused too when {@code fuseLast}.
     */
    static float cubicConv1(float x, float a, boolean fuseLast) {
        float s = Math.fma(a + 2f, x, -(a + 3f)) * x;
        return fuseLast ? Math.fma(s, x, 1f) : s * x + 1f;
    }

    /**
     * {@code ((A * x - 5A) * x + 8A) * x - 4A} (1 < |x| < 2) in float, the first two steps fused;
     * the final {@code - 4A} fused too when {@code fuseLast}.
     */
    static float cubicConv2(float x, float a, boolean fuseLast) {
        float u = Math.fma(Math.fma(a, x, -(5f * a)), x, 8f * a);
        return fuseLast ? Math.fma(u, x, -(4f * a)) : u * x - 4f * a;
    }

    /**
     * {@code HelperInterpCubic::aa_filter<float>} (a = -0.5); in the PyTorch 1.13 build every
     * multiply-add of the polynomials is contracted.
     */
    static float aaFilter(float x) {
        x = Math.abs(x);
        if (x < 1f) {
            return cubicConv1(x, A_AA, true);
        }
        if (x < 2f) {
            return cubicConv2(x, A_AA, true);
        }
        return 0f;
    }

    /**
     * Windows and normalised weights of the antialiased kernel
     * ({@code _compute_index_ranges_weights} / {@code _compute_indices_min_size_weights_aa} with
     * {@code scalar_t = float}, interp_size = 4): {@code center = scale*(i+0.5)},
     * {@code support = 2*scale} if {@code scale >= 1} else 2, {@code xmin = max((long)(center-support+0.5), 0)},
     * {@code xsize = min((long)(center+support+0.5), in) - xmin} (clamped to the slot count),
     * {@code w_j = filter((j+xmin-center+0.5)/max(scale,1))}, then {@code w_j /= sum w}.
     */
    static Taps aaTaps(int inSize, int outSize, float scale) {
        // support = (scale >= 1) ? (4 * 0.5) * scale : 4 * 0.5   (double, stored as float)
        float support = scale >= 1.0f ? (float) (2.0 * (double) scale) : 2.0f;
        int maxInterp = (int) Math.ceil(support) * 2 + 1;
        float invscale = scale >= 1.0f ? (float) (1.0 / (double) scale) : 1.0f;
        Taps t = new Taps(outSize, maxInterp);
        for (int i = 0; i < outSize; i++) {
            float center = (float) ((double) scale * ((double) i + 0.5));
            long xmin = Math.max((long) ((double) (center - support) + 0.5), 0L);
            long xsize = Math.min((long) ((double) (center + support) + 0.5), (long) inSize) - xmin;
            xsize = Math.max(0L, Math.min(xsize, (long) maxInterp));
            int base = i * maxInterp;
            float total = 0f;
            for (int j = 0; j < xsize; j++) {
                float d = (float) (j + xmin) - center;          // int64 - float -> float
                float arg = (float) (((double) d + 0.5) * (double) invscale);
                float w = aaFilter(arg);
                t.weight[base + j] = w;
                t.index[base + j] = (int) (j + xmin);
                total += w;
            }
            if (total != 0f) {
                for (int j = 0; j < xsize; j++) {
                    t.weight[base + j] /= total;
                }
            }
            t.count[i] = (int) xsize;
        }
        return t;
    }

    // ------------------------------------------------------------------ passes

    /** Resamples the last (width) axis: {@code [C][H][inW] -> [C][H][outW]}, float accumulation in tap order. */
    static float[] passW(float[] src, int channels, int h, int inW, int outW, Taps t) {
        float[] dst = new float[channels * h * outW];
        int rows = channels * h;
        int stride = t.stride;
        int[] cnt = t.count;
        int[] idx = t.index;
        float[] wt = t.weight;
        for (int r = 0; r < rows; r++) {
            int sOff = r * inW;
            int dOff = r * outW;
            for (int o = 0; o < outW; o++) {
                int b = o * stride;
                int n = cnt[o];
                float acc = 0f;
                if (n > 0) {
                    acc = src[sOff + idx[b]] * wt[b];
                    for (int j = 1; j < n; j++) {
                        acc = Math.fma(src[sOff + idx[b + j]], wt[b + j], acc);
                    }
                }
                dst[dOff + o] = acc;
            }
        }
        return dst;
    }

    /** Resamples the height axis: {@code [C][inH][W] -> [C][outH][W]}, float accumulation in tap order. */
    static float[] passH(float[] src, int channels, int inH, int w, int outH, Taps t) {
        float[] dst = new float[channels * outH * w];
        int stride = t.stride;
        int[] cnt = t.count;
        int[] idx = t.index;
        float[] wt = t.weight;
        for (int c = 0; c < channels; c++) {
            int sPlane = c * inH * w;
            int dPlane = c * outH * w;
            for (int o = 0; o < outH; o++) {
                int b = o * stride;
                int n = cnt[o];
                int dRow = dPlane + o * w;
                if (n == 0) {
                    continue; // zeros, as torch (empty window)
                }
                int r0 = sPlane + idx[b] * w;
                float w0 = wt[b];
                for (int x = 0; x < w; x++) {
                    dst[dRow + x] = src[r0 + x] * w0;
                }
                for (int j = 1; j < n; j++) {
                    int rj = sPlane + idx[b + j] * w;
                    float wj = wt[b + j];
                    for (int x = 0; x < w; x++) {
                        dst[dRow + x] = Math.fma(src[rj + x], wj, dst[dRow + x]);
                    }
                }
            }
        }
        return dst;
    }

    // ------------------------------------------------------------------ checks

    private static void checkArgs(float[] src, int channels, int inH, int inW) {
        if (src == null) {
            throw new NullPointerException("src");
        }
        if (channels <= 0 || inH <= 0 || inW <= 0) {
            throw new IllegalArgumentException("channels, inH, inW must be positive: " + channels + ", " + inH + ", " + inW);
        }
        if ((long) channels * inH * inW != src.length) {
            throw new IllegalArgumentException("src length " + src.length + " != " + channels + "*" + inH + "*" + inW);
        }
    }

    private static void checkOutSize(int outH, int outW) {
        if (outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException("output sizes must be positive: " + outH + "x" + outW);
        }
    }
}
