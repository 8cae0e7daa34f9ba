package org.medino.transform;

import org.medino.model.Bicubic;

/**
 * Geometric operations on one 2D typed image, each choosing the interpolation from the image's
 * kind (bicubic or bilinear for images, nearest for label maps) and updating the affine with the
 * output-index → input-index map of the operation (see {@link Affines}).
 */
final class Planes {
    private Planes() {}

    static void require2d(TypedImage image, Object who) {
        if (image.spatialRank() != 2) {
            throw new IllegalArgumentException(who + " works on 2D images [C, H, W], got " + image);
        }
    }

    /**
     * Resize to {@code outH × outW}. Images: {@link Bicubic#resize} (PyTorch's bicubic,
     * align_corners=False) with the given antialias flag. Label maps: PyTorch 'nearest'.
     *
     * <p>The affine follows the align_corners=False geometry, input index = (output + 0.5) · in/out
     * − 0.5, for both kinds (PyTorch's 'nearest' picks {@code floor(output · in/out)}, at most
     * half an input pixel from that position).
     */
    static TypedImage resize(TypedImage im, int outH, int outW, boolean antialias) {
        int h = im.size(0);
        int w = im.size(1);
        if (h == outH && w == outW) return im; // torchvision returns the image unchanged as well
        float[] out = im.isLabelMap()
                ? Kernels2D.nearestResize(im.data(), im.channels(), h, w, outH, outW)
                : Bicubic.resize(im.data(), im.channels(), h, w, outH, outW, antialias);
        double sy = (double) h / outH;
        double sx = (double) w / outW;
        double[][] m = Affines.scaleShift(new double[] {sy, sx}, new double[] {0.5 * sy - 0.5, 0.5 * sx - 0.5});
        return im.with(out, im.channels(), new int[] {outH, outW}, Affines.multiply(im.affine(), m));
    }

    /** The window at ({@code top}, {@code left}) of size {@code outH × outW}; outside → {@code fill} (label maps: 0). */
    static TypedImage window(TypedImage im, int top, int left, int outH, int outW, float fill) {
        float f = im.isLabelMap() ? 0f : fill;
        float[] out = Kernels2D.window(im.data(), im.channels(), im.size(0), im.size(1), top, left, outH, outW, f);
        double[][] m = Affines.scaleShift(new double[] {1, 1}, new double[] {top, left});
        return im.with(out, im.channels(), new int[] {outH, outW}, Affines.multiply(im.affine(), m));
    }

    /** Mirror along spatial axis {@code axis} (0 = vertical flip of rows, 1 = horizontal flip of columns). */
    static TypedImage flip(TypedImage im, int axis) {
        int c = im.channels();
        int h = im.size(0);
        int w = im.size(1);
        float[] src = im.data();
        float[] out = new float[src.length];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                int sy = axis == 0 ? h - 1 - y : y;
                for (int x = 0; x < w; x++) {
                    int sx = axis == 1 ? w - 1 - x : x;
                    out[(ch * h + y) * w + x] = src[(ch * h + sy) * w + sx];
                }
            }
        }
        double[] scale = {1, 1};
        double[] shift = {0, 0};
        scale[axis] = -1;
        shift[axis] = im.size(axis) - 1;
        return im.with(out, c, new int[] {h, w}, Affines.multiply(im.affine(), Affines.scaleShift(scale, shift)));
    }

    /**
     * Samples the image through the affine index map {@code m} (output (y, x) → input
     * (m0 y + m1 x + m2, m3 y + m4 x + m5)), same output size; bilinear for images, nearest for label maps,
     * zero outside.
     */
    static TypedImage warp(TypedImage im, double[] m) {
        int h = im.size(0);
        int w = im.size(1);
        float[] out = Kernels2D.warp(im.data(), im.channels(), h, w, h, w, m, !im.isLabelMap());
        double[][] mm = Affines.identity();
        mm[0][0] = m[0];
        mm[0][1] = m[1];
        mm[0][3] = m[2];
        mm[1][0] = m[3];
        mm[1][1] = m[4];
        mm[1][3] = m[5];
        return im.with(out, im.channels(), new int[] {h, w}, Affines.multiply(im.affine(), mm));
    }
}
