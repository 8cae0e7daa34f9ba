package org.medino.metrics;

/**
 * Exact Euclidean distance transform on a grid with per-axis spacing: for every element, the
 * distance in mm to the nearest feature element. It plays the part of scipy's
 * {@code distance_transform_edt(~features, sampling=spacing)}, which MONAI uses for surface distances.
 *
 * <p>The algorithm is the separable lower envelope of parabolas of Felzenszwalb and Huttenlocher
 * ("Distance Transforms of Sampled Functions", 2012): the squared distance is a sum of per-axis
 * squared offsets, so it can be minimised one axis at a time, and along a line the minimum of
 * {@code f(q) + (s·(x − q))²} over q is the lower envelope of parabolas, found in linear time.
 * It is exact (no chamfer approximation) and O(n) per axis, which is what makes 512×512×200
 * volumes affordable; anisotropic spacing only scales the parabolas of each axis.
 */
final class EuclideanDistanceTransform {
    private EuclideanDistanceTransform() {}

    /**
     * Squared distances in mm² from every element to the nearest {@code true} of {@code features},
     * or +∞ everywhere if there is no feature. Arrays are flat in C order over {@code shape}.
     */
    static double[] squared(boolean[] features, int[] shape, double[] spacing) {
        double[] f = new double[features.length];
        squared(features, shape, spacing, f);
        return f;
    }

    /** As {@link #squared(boolean[], int[], double[])}, writing into {@code out} (reused across calls). */
    static void squared(boolean[] features, int[] shape, double[] spacing, double[] out) {
        int n = features.length;
        for (int i = 0; i < n; i++) {
            out[i] = features[i] ? 0 : Double.POSITIVE_INFINITY;
        }
        int longest = 0;
        for (int size : shape) {
            longest = Math.max(longest, size);
        }
        Envelope envelope = new Envelope(longest);
        double[] chunk = new double[longest * CHUNK];
        // last axis first: it is contiguous, and after it most lines of the other axes are finite
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            int size = shape[axis];
            if (size == 1) {
                continue;
            }
            int stride = 1;
            for (int a = axis + 1; a < shape.length; a++) {
                stride *= shape[a];
            }
            int block = stride * size;
            double s = spacing[axis];
            for (int start = 0; start < n; start += block) {
                if (stride == 1) {
                    envelope.apply(out, start, 1, size, s);
                    continue;
                }
                for (int offset = 0; offset < stride; offset += CHUNK) {
                    int width = Math.min(CHUNK, stride - offset);
                    transformChunk(out, start + offset, stride, size, width, s, chunk, envelope);
                }
            }
        }
    }

    /**
     * Lines along a strided axis are far apart in memory; visiting them one by one touches a new
     * cache line per element. Copying {@code width} neighbouring lines at once reads each cache line
     * whole, and the transform then runs on the small copy (~1.3× faster overall on a 185×157×153 box).
     */
    private static final int CHUNK = 16;

    private static void transformChunk(double[] data, int first, int stride, int size, int width, double s,
                                       double[] chunk, Envelope envelope) {
        for (int q = 0, idx = first; q < size; q++, idx += stride) {
            System.arraycopy(data, idx, chunk, q * width, width);
        }
        for (int w = 0; w < width; w++) {
            envelope.apply(chunk, w, width, size, s);
        }
        for (int q = 0, idx = first; q < size; q++, idx += stride) {
            System.arraycopy(chunk, q * width, data, idx, width);
        }
    }

    /** Distances (not squared) in mm; convenience for tests and callers that want the whole map. */
    static double[] distances(boolean[] features, int[] shape, double[] spacing) {
        double[] d = squared(features, shape, spacing);
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sqrt(d[i]);
        }
        return d;
    }

    /** Work buffers for the 1D transform, sized once for the longest axis. */
    private static final class Envelope {
        private final double[] line;
        private final int[] apex;       // positions of the parabolas in the envelope
        private final double[] height;  // their values, divided by spacing²
        private final double[] from;    // left boundary of each parabola's interval

        Envelope(int longest) {
            line = new double[longest];
            apex = new int[longest];
            height = new double[longest];
            from = new double[longest];
        }

        /**
         * Replaces the line {@code data[start + i·stride]}, i &lt; size, by
         * min over q of {@code data[q] + (s·(i − q))²}. +∞ entries contribute no parabola.
         */
        void apply(double[] data, int start, int stride, int size, double s) {
            double s2 = s * s;
            int k = -1;
            for (int q = 0, idx = start; q < size; q++, idx += stride) {
                double fq = data[idx];
                line[q] = fq;
                if (fq == Double.POSITIVE_INFINITY) {
                    continue;
                }
                // in units of the grid step, so the intersection is in index coordinates
                double hq = fq / s2;
                double cut = Double.NEGATIVE_INFINITY;
                while (k >= 0) {
                    int v = apex[k];
                    cut = ((hq + (double) q * q) - (height[k] + (double) v * v)) / (2.0 * (q - v));
                    if (k > 0 && cut <= from[k]) {
                        k--; // parabola k is hidden below the new one and its left neighbour
                    } else {
                        break;
                    }
                }
                k++;
                apex[k] = q;
                height[k] = hq;
                from[k] = k == 0 ? Double.NEGATIVE_INFINITY : cut;
            }
            if (k < 0) {
                return; // no finite value on this line: it stays +∞
            }
            int j = 0;
            for (int x = 0, idx = start; x < size; x++, idx += stride) {
                while (j < k && from[j + 1] < x) {
                    j++;
                }
                int v = apex[j];
                double step = s * (x - v);
                // the original value, not height·s², so an unchanged element keeps its exact value
                data[idx] = step * step + line[v];
            }
        }
    }
}
