package org.medino.image.dicom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medino.MedinoException;

/**
 * JPEG 2000 frames (part 1, lossless and lossy), read with the jai-imageio reader as a raw raster.
 *
 * <p>Before decoding: a JP2 file wrapper (which DICOM forbids but some writers emit) is reduced to
 * its codestream; the image and tile sizes are checked against the spec; and a wrong "number of
 * tile-parts" (TNsot) in the SOT markers is corrected, since jai-imageio trusts it and silently
 * drops the tile-parts beyond it, whereas OpenJPEG (GDCM) decodes them all.
 *
 * <p>The decoder applies the inverse multi-component transform (YBR_RCT / YBR_ICT give RGB).
 * Signedness follows pydicom with GDCM: a signed codestream gives signed values as they are; an
 * unsigned one in a data set with Pixel Representation 1 is sign-extended from the codestream's
 * precision.
 */
final class Jpeg2000Codec {

    private static final String READER_PACKAGE = "com.github.jaiimageio.jpeg2000";

    private Jpeg2000Codec() {}

    /** What the SIZ marker says about the image and its first component. */
    record Size(int columns, int rows, int components, int precision, boolean signed) {}

    static int[] decode(byte[] frame, FrameSpec spec) {
        byte[] codestream = codestream(frame);
        Size siz = size(codestream);
        if (siz.columns() != spec.columns() || siz.rows() != spec.rows() || siz.components() != spec.samplesPerPixel()) {
            throw new MedinoException("image is " + siz.columns() + "x" + siz.rows() + " with " + siz.components()
                    + " sample(s) per pixel, the data set says " + DicomCodecs.describe(spec));
        }
        codestream = fixTilePartCounts(codestream);
        int[] samples = ImageIoSupport.samples(
                ImageIoSupport.readRaster(ImageIoSupport.reader("jpeg2000", READER_PACKAGE, "jai-imageio-jpeg2000"),
                        codestream),
                spec);
        if (spec.signed() && !siz.signed()) {
            DicomCodecs.signExtend(samples, siz.precision());
        }
        return samples;
    }

    /** The codestream: the frame itself, or the contents of the jp2c box of a JP2 file. */
    static byte[] codestream(byte[] b) {
        if (b.length >= 4 && u16(b, 0) == 0xFF4F && u16(b, 2) == 0xFF51) {
            return b;
        }
        if (b.length >= 12 && u32(b, 0) == 12 && u32(b, 4) == 0x6A502020) { // "jP  " signature box
            long p = 0;
            while (p + 8 <= b.length) {
                long length = u32(b, (int) p);
                int type = (int) u32(b, (int) p + 4);
                int header = 8;
                if (length == 1) {
                    if (p + 16 > b.length) {
                        break;
                    }
                    length = (u32(b, (int) p + 8) << 32) | u32(b, (int) p + 12);
                    header = 16;
                } else if (length == 0) {
                    length = b.length - p;
                }
                if (length < header || p + length > b.length) {
                    if (type == 0x6A703263 && p + header < b.length) { // truncated jp2c: take what is there
                        length = b.length - p;
                    } else {
                        break;
                    }
                }
                if (type == 0x6A703263) { // "jp2c"
                    byte[] out = new byte[(int) (length - header)];
                    System.arraycopy(b, (int) p + header, out, 0, out.length);
                    return codestream(out);
                }
                p += length;
            }
            throw new MedinoException("JP2 file without a codestream");
        }
        throw new MedinoException("not a JPEG 2000 codestream (no SOC and SIZ markers)");
    }

    static Size size(byte[] c) {
        if (c.length < 4 + 38 + 3) {
            throw new MedinoException("truncated JPEG 2000 codestream");
        }
        int lsiz = u16(c, 4);
        long xsiz = u32(c, 8);
        long ysiz = u32(c, 12);
        long xosiz = u32(c, 16);
        long yosiz = u32(c, 20);
        int csiz = u16(c, 40);
        if (lsiz != 38 + 3 * csiz || c.length < 4 + lsiz || csiz == 0 || xsiz <= xosiz || ysiz <= yosiz) {
            throw new MedinoException("corrupt JPEG 2000 image header (SIZ)");
        }
        int ssiz = c[42] & 0xFF;
        long columns = xsiz - xosiz;
        long rows = ysiz - yosiz;
        return new Size((int) Math.min(columns, Integer.MAX_VALUE), (int) Math.min(rows, Integer.MAX_VALUE), csiz,
                (ssiz & 0x7F) + 1, (ssiz & 0x80) != 0);
    }

    /**
     * Walks the tile-parts by their Psot lengths: refuses a codestream whose tile-parts run past its
     * end (jj2000 would decode a truncated codestream silently, at lower quality), and rewrites each
     * nonzero TNsot with the number of tile-parts actually present for its tile.
     */
    static byte[] fixTilePartCounts(byte[] c) {
        int p = 4 + u16(c, 4); // after SOC and SIZ
        // main header: marker segments up to the first SOT
        while (true) {
            if (p + 4 > c.length) {
                throw new MedinoException("truncated JPEG 2000 codestream (ends in the main header)");
            }
            if (u16(c, p) == 0xFF90) {
                break;
            }
            if ((c[p] & 0xFF) != 0xFF || u16(c, p + 2) < 2) {
                throw new MedinoException("corrupt JPEG 2000 codestream (bad main header at byte " + p + ")");
            }
            p += 2 + u16(c, p + 2);
        }
        Map<Integer, List<Integer>> positions = new HashMap<>();
        while (p + 12 <= c.length && u16(c, p) == 0xFF90) {
            int tile = u16(c, p + 4);
            long psot = u32(c, p + 6);
            positions.computeIfAbsent(tile, k -> new ArrayList<>()).add(p);
            if (psot == 0) { // the last tile-part: runs to EOC
                if (!endsWithEoc(c)) {
                    throw new MedinoException("truncated JPEG 2000 codestream (no EOC marker)");
                }
                p = c.length;
                break;
            }
            if (psot < 14) {
                throw new MedinoException("corrupt JPEG 2000 codestream (tile-part length " + psot + ")");
            }
            if (p + psot > c.length) {
                throw new MedinoException("truncated JPEG 2000 codestream (tile-part runs past the end)");
            }
            p += (int) psot;
        }
        if (positions.isEmpty()) {
            throw new MedinoException("corrupt JPEG 2000 codestream (no tile-part)");
        }
        byte[] out = null;
        for (List<Integer> parts : positions.values()) {
            if (parts.size() > 255) {
                continue;
            }
            for (int at : parts) {
                int tnsot = c[at + 11] & 0xFF;
                if (tnsot != 0 && tnsot != parts.size()) {
                    if (out == null) {
                        out = c.clone();
                    }
                    out[at + 11] = (byte) parts.size();
                }
            }
        }
        return out == null ? c : out;
    }

    /** EOC at the end, allowing the padding byte that makes a DICOM fragment even. */
    private static boolean endsWithEoc(byte[] c) {
        int n = c.length;
        if (n >= 1 && c[n - 1] == 0) {
            n--;
        }
        return n >= 2 && u16(c, n - 2) == 0xFFD9;
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static long u32(byte[] b, int i) {
        return ((long) u16(b, i) << 16) | u16(b, i + 2);
    }
}
