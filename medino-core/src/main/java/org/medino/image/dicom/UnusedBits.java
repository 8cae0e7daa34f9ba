package org.medino.image.dicom;

/**
 * Bits above Bits Stored carry no pixel value (PS3.5 8.1.1) and may hold anything, e.g. overlays
 * in old files. As pydicom 3's {@code pixel_array} does by default ("correct_unused_bits"), they
 * are cleared for unsigned data and filled with the sign bit for signed data.
 */
final class UnusedBits {
    private UnusedBits() {}

    static void correct(double[] values, int bitsStored, boolean signed) {
        int shift = 64 - bitsStored;
        for (int i = 0; i < values.length; i++) {
            long v = (long) values[i] << shift;
            values[i] = signed ? v >> shift : v >>> shift;
        }
    }
}
