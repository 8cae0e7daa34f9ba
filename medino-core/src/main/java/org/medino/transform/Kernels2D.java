package org.medino.transform;

/**
 * Resampling kernels on channel-first {@code [C][H][W]} float arrays. Bicubic resizing lives in
 * {@link org.medino.model.Bicubic}; these are the others.
 */
final class Kernels2D {
    private Kernels2D() {}

    /**
     * The window {@code [top, top+outH) × [left, left+outW)} of the image; positions outside it
     * get {@code fill}. Cropping (window inside) and padding (window larger) in one.
     */
    static float[] window(float[] src, int c, int h, int w, int top, int left, int outH, int outW, float fill) {
        float[] out = new float[c * outH * outW];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < outH; y++) {
                int sy = y + top;
                int o = (ch * outH + y) * outW;
                for (int x = 0; x < outW; x++) {
                    int sx = x + left;
                    out[o + x] = sy >= 0 && sy < h && sx >= 0 && sx < w ? src[(ch * h + sy) * w + sx] : fill;
                }
            }
        }
        return out;
    }

    /**
     * {@code torch.nn.functional.interpolate(mode="nearest")} (PyTorch 1.13 CPU,
     * {@code nearest_idx}): source index {@code min(floor(dst · (float) in/out), in − 1)} with the
     * product in float32; identity when sizes match and {@code dst >> 1} when doubling, as PyTorch
     * special-cases them. This is torchvision's {@code InterpolationMode.NEAREST}; it is not
     * 'nearest-exact' (which samples at pixel centres, {@code floor((dst + 0.5) · scale)}).
     */
    static int[] nearestIndex(int in, int out) {
        int[] idx = new int[out];
        float scale = (float) in / (float) out;
        for (int d = 0; d < out; d++) {
            if (out == in) idx[d] = d;
            else if (out == 2 * in) idx[d] = d >> 1;
            else idx[d] = Math.min((int) Math.floor((float) d * scale), in - 1);
        }
        return idx;
    }

    static float[] nearestResize(float[] src, int c, int inH, int inW, int outH, int outW) {
        int[] iy = nearestIndex(inH, outH);
        int[] ix = nearestIndex(inW, outW);
        float[] out = new float[c * outH * outW];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < outH; y++) {
                int s = (ch * inH + iy[y]) * inW;
                int o = (ch * outH + y) * outW;
                for (int x = 0; x < outW; x++) out[o + x] = src[s + ix[x]];
            }
        }
        return out;
    }

    /**
     * Samples the image at {@code (m[0]·y + m[1]·x + m[2], m[3]·y + m[4]·x + m[5])} (input row,
     * column) for every output pixel {@code (y, x)}.
     *
     * <p>Bilinear: zero padding outside the image, i.e. the four neighbours that fall outside
     * contribute 0 (as {@code grid_sample(padding_mode="zeros")} and scipy's
     * {@code mode="grid-constant", cval=0}). Nearest: the rounded position (half to even, as
     * {@code grid_sample(mode="nearest")}), 0 when outside.
     */
    static float[] warp(float[] src, int c, int h, int w, int outH, int outW, double[] m, boolean bilinear) {
        float[] out = new float[c * outH * outW];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                double sy = m[0] * y + m[1] * x + m[2];
                double sx = m[3] * y + m[4] * x + m[5];
                if (bilinear) {
                    int y0 = (int) Math.floor(sy);
                    int x0 = (int) Math.floor(sx);
                    double fy = sy - y0;
                    double fx = sx - x0;
                    for (int ch = 0; ch < c; ch++) {
                        int base = ch * h * w;
                        double v = (1 - fy) * ((1 - fx) * at(src, base, h, w, y0, x0) + fx * at(src, base, h, w, y0, x0 + 1))
                                + fy * ((1 - fx) * at(src, base, h, w, y0 + 1, x0) + fx * at(src, base, h, w, y0 + 1, x0 + 1));
                        out[(ch * outH + y) * outW + x] = (float) v;
                    }
                } else {
                    double ry = Math.rint(sy);
                    double rx = Math.rint(sx);
                    boolean inside = ry >= 0 && ry < h && rx >= 0 && rx < w;
                    for (int ch = 0; ch < c; ch++) {
                        out[(ch * outH + y) * outW + x] = inside ? src[(ch * h + (int) ry) * w + (int) rx] : 0f;
                    }
                }
            }
        }
        return out;
    }

    private static double at(float[] src, int base, int h, int w, int y, int x) {
        return y >= 0 && y < h && x >= 0 && x < w ? src[base + y * w + x] : 0.0;
    }
}
