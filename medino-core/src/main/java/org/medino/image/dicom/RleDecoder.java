package org.medino.image.dicom;

import org.medino.MedinoException;

/**
 * RLE Lossless (PS3.5 Annex G). A frame is a 64-byte header (segment count, then up to 15
 * segment offsets) followed by PackBits-coded segments; segment k holds one byte of every sample
 * of one colour plane, most significant byte first: for 16-bit RGB, R-high, R-low, G-high, ...
 */
final class RleDecoder {
    private RleDecoder() {}

    /**
     * Decodes one frame into {@code out} at {@code outOffset}, interleaved (pixel, sample) as
     * pydicom's {@code pixel_array} gives it, signed per Pixel Representation.
     */
    static void decodeFrame(String name, int frameIndex, byte[] data, PixelAttributes a, double[] out, int outOffset) {
        if (a.bitsAllocated() % 8 != 0) {
            throw new MedinoException(name + ": RLE Lossless with Bits Allocated " + a.bitsAllocated() + " is not supported");
        }
        int bytesPerSample = a.bitsAllocated() / 8;
        int expectedSegments = a.samplesPerPixel() * bytesPerSample;
        String where = name + ": RLE frame " + frameIndex + ": ";
        if (data.length < 64) {
            throw new MedinoException(where + "only " + data.length + " bytes, shorter than the 64-byte RLE header");
        }
        long segments = u32(data, 0);
        if (segments != expectedSegments) {
            throw new MedinoException(where + "has " + segments + " segments, " + a.samplesPerPixel() + " samples of "
                    + a.bitsAllocated() + " bits need " + expectedSegments);
        }
        int pixels = (int) a.pixelsPerFrame();
        long[] offsets = new long[expectedSegments + 1];
        for (int k = 0; k < expectedSegments; k++) {
            offsets[k] = u32(data, 4 + 4 * k);
        }
        offsets[expectedSegments] = data.length;
        // Accumulate each sample's bytes into a long, MSB segment first.
        long[] acc = new long[pixels * a.samplesPerPixel()];
        byte[] plane = new byte[pixels];
        for (int k = 0; k < expectedSegments; k++) {
            long start = offsets[k];
            long end = offsets[k + 1];
            if (start < 64 || start > end || end > data.length) {
                throw new MedinoException(where + "segment " + k + " has invalid offsets " + start + ".." + end
                        + " in " + data.length + " bytes");
            }
            unpackBits(data, (int) start, (int) end, plane, where + "segment " + k + ": ");
            int sample = k / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - k % bytesPerSample);
            for (int p = 0; p < pixels; p++) {
                acc[p * a.samplesPerPixel() + sample] |= (long) (plane[p] & 0xFF) << shift;
            }
        }
        int bits = a.bitsAllocated();
        for (int i = 0; i < acc.length; i++) {
            long v = acc[i];
            if (a.signed() && bits < 64) {
                v = (v << (64 - bits)) >> (64 - bits); // sign-extend from Bits Allocated, like an intN dtype
            }
            out[outOffset + i] = v;
        }
    }

    /**
     * PackBits: a header byte n in 0..127 copies the next n+1 bytes; -127..-1 repeats the next
     * byte 1-n times; -128 is a no-op. Output beyond the plane is dropped (encoders pad segments
     * to even length); a segment that fills less than the plane is an error, as in pydicom.
     */
    private static void unpackBits(byte[] in, int pos, int end, byte[] out, String where) {
        int o = 0;
        while (pos < end && o < out.length) {
            int n = in[pos++];
            if (n >= 0) {
                int count = Math.min(n + 1, end - pos);
                int keep = Math.min(count, out.length - o);
                System.arraycopy(in, pos, out, o, keep);
                o += keep;
                pos += count;
            } else if (n != -128) {
                if (pos >= end) break;
                byte b = in[pos++];
                int keep = Math.min(1 - n, out.length - o);
                for (int i = 0; i < keep; i++) out[o++] = b;
            }
        }
        if (o < out.length) {
            throw new MedinoException(where + "decodes to " + o + " bytes, the frame needs " + out.length);
        }
    }

    static long u32(byte[] b, int pos) {
        return (b[pos] & 0xFFL) | (b[pos + 1] & 0xFFL) << 8 | (b[pos + 2] & 0xFFL) << 16 | (b[pos + 3] & 0xFFL) << 24;
    }

    /** A plausible RLE header: 1..15 segments, the first right after the header. */
    static boolean looksLikeHeader(byte[] b) {
        if (b.length < 64) return false;
        long n = u32(b, 0);
        return n >= 1 && n <= 15 && u32(b, 4) == 64;
    }
}
