package org.medino.image.dicom;

import java.nio.ByteBuffer;
import org.medino.MedinoException;

/**
 * Uncompressed pixel data to sample values, the way pydicom's numpy handler reads it: the bytes
 * as integers of Bits Allocated width in the data set's byte order, signed when Pixel
 * Representation is 1. Like pydicom (2.x, and 3.x by default), bits above Bits Stored are kept as
 * found: no masking and no sign extension from Bits Stored, so the values match
 * {@code pixel_array} even for files whose unused bits are not clean.
 *
 * <p>Output order is pydicom's: frame, row, column, sample (colour interleaved whatever the
 * Planar Configuration), with YBR_FULL_422 chroma repeated for both pixels of each pair.
 */
final class NativePixels {
    private NativePixels() {}

    static double[] decode(DicomFile file, DicomElement element, PixelAttributes a) {
        String name = file.name();
        if (element.fragments() != null) {
            throw new MedinoException(name + ": pixel data is encapsulated but the transfer syntax "
                    + DicomCodecs.name(file.transferSyntax().uid()) + " is not");
        }
        boolean ybr422 = a.photometric().equals("YBR_FULL_422") && a.samplesPerPixel() == 3;
        long stored = ybr422 ? a.values() / 3 * 2 : a.values(); // 4 samples for each pair of pixels
        long expected = a.bitsAllocated() == 1 ? (stored + 7) / 8 : stored * (a.bitsAllocated() / 8);
        if (element.length() < expected) {
            throw new MedinoException(name + ": pixel data " + Tags.str(element.tag()) + " has " + element.length()
                    + " bytes, " + a.frames() + " frame(s) of " + a.rows() + " x " + a.columns() + " x "
                    + a.samplesPerPixel() + " at " + a.bitsAllocated() + " bits need " + expected);
        }
        ByteBuffer buf = file.dataset().bytes().slice(element.offset(), (int) expected, file.dataset().bigEndian());
        double[] raw = new double[(int) stored];
        read(buf, raw, a, element.tag());
        double[] samples = ybr422 ? upsample422(raw) : raw;
        if (a.samplesPerPixel() > 1 && a.planarConfiguration() == 1) {
            samples = Planar.interleave(samples, a);
        }
        return samples;
    }

    private static void read(ByteBuffer buf, double[] out, PixelAttributes a, int tag) {
        boolean signed = a.signed();
        if (tag == Tags.FLOAT_PIXEL_DATA) {
            for (int i = 0; i < out.length; i++) out[i] = buf.getFloat(i * 4);
            return;
        }
        if (tag == Tags.DOUBLE_FLOAT_PIXEL_DATA) {
            for (int i = 0; i < out.length; i++) out[i] = buf.getDouble(i * 8);
            return;
        }
        switch (a.bitsAllocated()) {
            case 1 -> {
                // Bits are packed little-endian within each byte: pixel 0 is bit 0 of byte 0 (PS3.5 8.1.1).
                for (int i = 0; i < out.length; i++) out[i] = (buf.get(i >>> 3) >>> (i & 7)) & 1;
            }
            case 8 -> {
                for (int i = 0; i < out.length; i++) out[i] = signed ? buf.get(i) : buf.get(i) & 0xFF;
            }
            case 16 -> {
                for (int i = 0; i < out.length; i++) {
                    short v = buf.getShort(i * 2);
                    out[i] = signed ? v : v & 0xFFFF;
                }
            }
            case 32 -> {
                for (int i = 0; i < out.length; i++) {
                    int v = buf.getInt(i * 4);
                    out[i] = signed ? v : v & 0xFFFFFFFFL;
                }
            }
            default -> {
                // 64-bit integers beyond 2^53 lose their last bits in float64, as any float array would.
                for (int i = 0; i < out.length; i++) {
                    long v = buf.getLong(i * 8);
                    out[i] = signed ? (double) v : unsignedToDouble(v);
                }
            }
        }
    }

    private static double unsignedToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1);
    }

    /**
     * YBR_FULL_422 stores Y1 Y2 Cb Cr for each pair of pixels (PS3.3 C.7.6.3.1.2); pydicom repeats
     * the chroma for both pixels, over the flat sample stream.
     */
    private static double[] upsample422(double[] in) {
        double[] out = new double[in.length / 2 * 3];
        for (int g = 0, o = 0; g + 3 < in.length; g += 4, o += 6) {
            out[o] = in[g];
            out[o + 1] = in[g + 2];
            out[o + 2] = in[g + 3];
            out[o + 3] = in[g + 1];
            out[o + 4] = in[g + 2];
            out[o + 5] = in[g + 3];
        }
        return out;
    }
}
