package org.medino.transform;

/**
 * Reorients 3D images to the closest canonical orientation, RAS+, as nibabel's
 * {@code as_closest_canonical}: only axis flips and permutations (no resampling, voxel values
 * are moved, not interpolated), with the affine updated exactly — {@code A · inv_ornt_aff}, i.e.
 * the new voxel {@code n} is the old voxel whose index along input axis {@code i} is
 * {@code n[o]} or {@code size_i − 1 − n[o]} (o = the RAS axis of i). Images and label maps are
 * treated alike; the channel axis stays first. Images already canonical are returned as they are.
 */
public final class Reorient extends ImageWise {

    @Override
    protected boolean handles(TypedImage image) {
        if (image.spatialRank() != 3) throw new IllegalArgumentException("Reorient needs 3D images, got " + image);
        return true;
    }

    @Override
    protected TypedImage transform(TypedImage image) {
        Orientation o = Orientation.of(image.affine());
        return o.isCanonical() ? image : apply(image, o);
    }

    static TypedImage apply(TypedImage im, Orientation o) {
        int[] in = im.spatialShape();
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) out[o.worldAxis()[i]] = in[i];
        // m: output index → input index
        double[][] m = new double[4][4];
        m[3][3] = 1;
        for (int i = 0; i < 3; i++) {
            m[i][o.worldAxis()[i]] = o.sign()[i];
            m[i][3] = o.sign()[i] > 0 ? 0 : in[i] - 1;
        }
        int c = im.channels();
        int nIn = in[0] * in[1] * in[2];
        int[] inStride = {in[1] * in[2], in[2], 1};
        // stride and start, in the input, of a unit step along each output axis
        int[] step = new int[3];
        int start = 0;
        for (int i = 0; i < 3; i++) {
            int oa = o.worldAxis()[i];
            step[oa] = o.sign()[i] * inStride[i];
            if (o.sign()[i] < 0) start += (in[i] - 1) * inStride[i];
        }
        float[] src = im.data();
        float[] dst = new float[src.length];
        int p = 0;
        for (int ch = 0; ch < c; ch++) {
            int base = ch * nIn + start;
            for (int a = 0; a < out[0]; a++) {
                for (int b = 0; b < out[1]; b++) {
                    int s = base + a * step[0] + b * step[1];
                    for (int d = 0; d < out[2]; d++) dst[p++] = src[s + d * step[2]];
                }
            }
        }
        return im.with(dst, c, out, Affines.multiply(im.affine(), m));
    }

    @Override
    public String toString() {
        return "Reorient(RAS+)";
    }
}
