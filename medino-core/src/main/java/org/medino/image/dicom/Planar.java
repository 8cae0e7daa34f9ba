package org.medino.image.dicom;

/** Colour-by-plane (R...R G...G B...B per frame) to colour-by-pixel (RGB RGB ...), frame by frame. */
final class Planar {
    private Planar() {}

    static double[] interleave(double[] planar, PixelAttributes a) {
        int n = (int) a.pixelsPerFrame();
        int s = a.samplesPerPixel();
        double[] out = new double[planar.length];
        for (int f = 0; f < a.frames(); f++) {
            int base = f * n * s;
            for (int c = 0; c < s; c++) {
                for (int p = 0; p < n; p++) {
                    out[base + p * s + c] = planar[base + c * n + p];
                }
            }
        }
        return out;
    }
}
