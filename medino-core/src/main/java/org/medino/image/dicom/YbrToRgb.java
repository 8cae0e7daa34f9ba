package org.medino.image.dicom;

/**
 * YCbCr (YBR_FULL, full range, PS3.3 C.7.6.3.1.2) to RGB exactly as pydicom's
 * {@code convert_color_space(arr, "YBR_FULL", "RGB")}: the matrix and the arithmetic in float32,
 * then round half up (floor of x + 0.5) and clip to 0..255, so that values match it bit for bit.
 */
final class YbrToRgb {
    // The ITU T.871 coefficients, rounded to float32 from the same double expressions pydicom uses.
    private static final float CR_TO_R = 1.402f;
    private static final float CB_TO_G = (float) (-0.114 * 1.772 / 0.587);
    private static final float CR_TO_G = (float) (-0.299 * 1.402 / 0.587);
    private static final float CB_TO_B = 1.772f;

    private YbrToRgb() {}

    /** Converts interleaved Y, Cb, Cr triples in place. */
    static void convert(double[] v) {
        for (int i = 0; i + 2 < v.length; i += 3) {
            float y = (float) v[i];
            float cb = (float) v[i + 1] - 128f;
            float cr = (float) v[i + 2] - 128f;
            // Sum in the matrix product's order: y*m0 + cb*m1 + cr*m2 (zero terms kept: they can
            // only change -0.0 to 0.0, which the rounding below makes irrelevant).
            float r = y * 1f + cb * 0f + cr * CR_TO_R;
            float g = y * 1f + cb * CB_TO_G + cr * CR_TO_G;
            float b = y * 1f + cb * CB_TO_B + cr * 0f;
            v[i] = clip((float) Math.floor(r + 0.5f));
            v[i + 1] = clip((float) Math.floor(g + 0.5f));
            v[i + 2] = clip((float) Math.floor(b + 0.5f));
        }
    }

    private static double clip(float x) {
        return x < 0f ? 0.0 : x > 255f ? 255.0 : x;
    }
}
