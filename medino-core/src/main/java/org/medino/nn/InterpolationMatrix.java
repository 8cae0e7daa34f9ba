package org.medino.nn;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The [out, in] matrix of 1-D linear interpolation exactly as PyTorch's
 * {@code interpolate(mode="bilinear", antialias=False)} samples one axis when given an output
 * size: each output row has at most two non-zero weights that sum to one.
 *
 * <p>align_corners=False: source = (dst + 0.5)·in/out − 0.5, clamped at 0 (half-pixel centers).
 * align_corners=True: source = dst·(in − 1)/(out − 1), or 0 for a single output.
 */
public final class InterpolationMatrix {
    /** Built matrices by (in, out, alignCorners, transposed); a training run resizes between few sizes. */
    private static final Map<List<Object>, float[]> CACHE = new ConcurrentHashMap<>();
    /** Beyond this many entries (many distinct image sizes) the cache starts over. */
    private static final int CACHE_LIMIT = 512;

    private InterpolationMatrix() {}

    /** Row-major [out, in] weights (a fresh copy). */
    public static float[] rows(int in, int out, boolean alignCorners) {
        return cached(in, out, alignCorners, false).clone();
    }

    /** The transpose, row-major [in, out] (a fresh copy). */
    public static float[] columns(int in, int out, boolean alignCorners) {
        return cached(in, out, alignCorners, true).clone();
    }

    /** Shared, never modified; Bilinear copies it into native memory at once. */
    static float[] cached(int in, int out, boolean alignCorners, boolean transposed) {
        if (CACHE.size() > CACHE_LIMIT) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(List.of(in, out, alignCorners, transposed),
                key -> transposed ? transpose(build(in, out, alignCorners), in, out) : build(in, out, alignCorners));
    }

    private static float[] build(int in, int out, boolean alignCorners) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("sizes must be positive: " + in + " → " + out);
        }
        float[] m = new float[out * in];
        for (int dst = 0; dst < out; dst++) {
            double src;
            if (alignCorners) {
                src = out > 1 ? dst * (double) (in - 1) / (out - 1) : 0;
            } else {
                src = Math.max((dst + 0.5) * in / out - 0.5, 0);
            }
            int i0 = Math.min((int) Math.floor(src), in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            double frac = src - i0;
            m[dst * in + i0] += (float) (1 - frac);
            m[dst * in + i1] += (float) frac;
        }
        return m;
    }

    private static float[] transpose(float[] m, int in, int out) {
        float[] t = new float[in * out];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                t[i * out + o] = m[o * in + i];
            }
        }
        return t;
    }
}
