package org.medino.image.dicom;

import org.medino.MedinoException;

/**
 * A small decoder for sequential, Huffman-coded DCT JPEG (ISO 10918-1 processes 1, 2 and 4) with 8-
 * or 12-bit samples. medino uses it for 12-bit JPEG Extended, which no ImageIO reader on the class
 * path decodes (the JDK reader, which TwelveMonkeys delegates lossy JPEG to, stops at 8 bits).
 *
 * <p>It reproduces the IJG library's default "islow" integer inverse DCT, including its sample range
 * limiting, so that its output is the one GDCM (which embeds the IJG code) gives. Chroma
 * subsampling is not supported: all components must share the same sampling factors, which is
 * what 12-bit DICOM images use (nearly all are monochrome).
 *
 * <p>The decoder never reads past the end of the stream and every loop is bounded by the frame
 * size, so corrupt input ends in a {@link MedinoException}.
 */
final class JpegDctDecoder {

    private static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    };

    // islow IDCT constants: round(x * 2^13)
    private static final int CONST_BITS = 13;
    private static final long FIX_0_298631336 = 2446;
    private static final long FIX_0_390180644 = 3196;
    private static final long FIX_0_541196100 = 4433;
    private static final long FIX_0_765366865 = 6270;
    private static final long FIX_0_899976223 = 7373;
    private static final long FIX_1_175875602 = 9633;
    private static final long FIX_1_501321110 = 12299;
    private static final long FIX_1_847759065 = 15137;
    private static final long FIX_1_961570560 = 16069;
    private static final long FIX_2_053119869 = 16819;
    private static final long FIX_2_562915447 = 20995;
    private static final long FIX_3_072711026 = 25172;

    private static final class Component {
        int id;
        int h;
        int v;
        int tq;
        int blocksPerLine; // allocated, padded to whole MCUs
        int blocksPerColumn;
        int[] coefficients; // 64 per block, natural order, not dequantised
        int pred;
        int dcTable;
        int acTable;
    }

    /** Canonical Huffman table (ISO 10918-1 F.2.2.3). */
    private static final class Huffman {
        final int[] maxCode = new int[18];
        final int[] valPtr = new int[17];
        final int[] minCode = new int[17];
        int[] values;
    }

    private final byte[] data;
    private final FrameSpec spec;
    private final int[][] quant = new int[4][];
    private final Huffman[] dc = new Huffman[4];
    private final Huffman[] ac = new Huffman[4];
    private Component[] components;
    private int precision;
    private int width;
    private int height;
    private int hMax;
    private int vMax;
    private int mcusPerLine;
    private int mcusPerColumn;
    private int restartInterval;

    // entropy-coded data reader
    private int pos;
    private int bitBuffer;
    private int bitCount;

    private JpegDctDecoder(byte[] data, FrameSpec spec) {
        this.data = data;
        this.spec = spec;
    }

    /** Decodes {@code data}; samples are unsigned, row-major, components interleaved. */
    static int[] decode(byte[] data, FrameSpec spec) {
        return new JpegDctDecoder(data, spec).run();
    }

    private int[] run() {
        if (data.length < 4 || u8(0) != 0xFF || u8(1) != 0xD8) {
            throw new MedinoException("not a JPEG stream (no SOI marker)");
        }
        pos = 2;
        boolean sawScan = false;
        while (true) {
            int marker = nextMarker();
            if (marker == 0xD9) { // EOI
                break;
            }
            if (marker == -1) {
                if (!sawScan) {
                    throw new MedinoException("truncated JPEG stream (no scan)");
                }
                break; // missing EOI after complete scans: tolerated, as by the IJG library
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                continue; // stray standalone marker
            }
            int length = segmentLength();
            int start = pos + 2;
            int end = pos + length;
            switch (marker) {
                case 0xC0, 0xC1 -> readFrame(start, end);
                case 0xC4 -> readHuffman(start, end);
                case 0xDB -> readQuant(start, end);
                case 0xDD -> restartInterval = u16(start);
                case 0xDA -> {
                    readScan(start, end);
                    sawScan = true;
                    continue; // pos is now after the entropy-coded data
                }
                case 0xDC -> throw new MedinoException("JPEG with a DNL marker is not supported");
                default -> {
                    if (marker >= 0xC2 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                        throw new MedinoException("JPEG process of marker SOF" + (marker - 0xC0)
                                + " is not supported for " + (precision > 0 ? precision : 12) + "-bit samples");
                    }
                    // APPn, COM, DAC and others: skipped
                }
            }
            pos = end;
        }
        if (components == null) {
            throw new MedinoException("corrupt JPEG stream (no frame header)");
        }
        return output();
    }

    /** The next marker code after {@code pos}, or -1 at the end of the data. */
    private int nextMarker() {
        while (pos + 1 < data.length) {
            if (u8(pos) != 0xFF) {
                pos++; // garbage between segments, skipped like the IJG library does
                continue;
            }
            int code = u8(pos + 1);
            if (code == 0xFF) {
                pos++; // fill byte
                continue;
            }
            pos += 2;
            if (code == 0x00) {
                continue;
            }
            return code;
        }
        pos = data.length;
        return -1;
    }

    /** The length of the segment whose length field is at {@code pos}; checks it fits. */
    private int segmentLength() {
        if (pos + 2 > data.length) {
            throw new MedinoException("truncated JPEG stream");
        }
        int length = u16(pos);
        if (length < 2 || pos + length > data.length) {
            throw new MedinoException("truncated JPEG stream (segment runs past the end)");
        }
        return length;
    }

    private void readFrame(int start, int end) {
        if (components != null) {
            throw new MedinoException("corrupt JPEG stream (two frame headers)");
        }
        if (end - start < 6) {
            throw new MedinoException("corrupt JPEG frame header");
        }
        precision = u8(start);
        height = u16(start + 1);
        width = u16(start + 3);
        int n = u8(start + 5);
        if (precision != 8 && precision != 12) {
            throw new MedinoException("JPEG sample precision " + precision + " is not 8 or 12");
        }
        if (height == 0) {
            throw new MedinoException("JPEG with a DNL marker (height 0) is not supported");
        }
        if (width != spec.columns() || height != spec.rows() || n != spec.samplesPerPixel()) {
            throw new MedinoException("image is " + width + "x" + height + " with " + n
                    + " sample(s) per pixel, the data set says " + DicomCodecs.describe(spec));
        }
        if (end - start < 6 + 3 * n) {
            throw new MedinoException("corrupt JPEG frame header");
        }
        components = new Component[n];
        for (int i = 0; i < n; i++) {
            Component c = new Component();
            c.id = u8(start + 6 + 3 * i);
            c.h = u8(start + 7 + 3 * i) >> 4;
            c.v = u8(start + 7 + 3 * i) & 15;
            c.tq = u8(start + 8 + 3 * i);
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3) {
                throw new MedinoException("corrupt JPEG frame header (sampling factors or table)");
            }
            hMax = Math.max(hMax, c.h);
            vMax = Math.max(vMax, c.v);
            components[i] = c;
        }
        for (Component c : components) {
            if (c.h != hMax || c.v != vMax) {
                throw new MedinoException("subsampled chroma in " + precision + "-bit JPEG is not supported");
            }
        }
        mcusPerLine = ceilDiv(width, 8 * hMax);
        mcusPerColumn = ceilDiv(height, 8 * vMax);
        for (Component c : components) {
            c.blocksPerLine = mcusPerLine * c.h;
            c.blocksPerColumn = mcusPerColumn * c.v;
            c.coefficients = new int[c.blocksPerLine * c.blocksPerColumn * 64];
        }
    }

    private void readQuant(int start, int end) {
        int p = start;
        while (p < end) {
            int pq = u8(p) >> 4;
            int tq = u8(p) & 15;
            p++;
            int bytes = pq == 0 ? 64 : 128;
            if (pq > 1 || tq > 3 || p + bytes > end) {
                throw new MedinoException("corrupt JPEG quantisation table");
            }
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                table[ZIGZAG[k]] = pq == 0 ? u8(p + k) : u16(p + 2 * k);
            }
            quant[tq] = table;
            p += bytes;
        }
    }

    private void readHuffman(int start, int end) {
        int p = start;
        while (p < end) {
            if (p + 17 > end) {
                throw new MedinoException("corrupt JPEG Huffman table");
            }
            int tc = u8(p) >> 4;
            int th = u8(p) & 15;
            if (tc > 1 || th > 3) {
                throw new MedinoException("corrupt JPEG Huffman table");
            }
            int[] counts = new int[17];
            int total = 0;
            for (int l = 1; l <= 16; l++) {
                counts[l] = u8(p + l);
                total += counts[l];
            }
            p += 17;
            if (total > 256 || p + total > end) {
                throw new MedinoException("corrupt JPEG Huffman table");
            }
            Huffman t = new Huffman();
            t.values = new int[total];
            for (int i = 0; i < total; i++) {
                t.values[i] = u8(p + i);
            }
            p += total;
            int code = 0;
            int k = 0;
            for (int l = 1; l <= 16; l++) {
                t.valPtr[l] = k;
                t.minCode[l] = code;
                code += counts[l];
                k += counts[l];
                t.maxCode[l] = counts[l] == 0 ? -1 : code - 1;
                if (code > (1 << l)) {
                    throw new MedinoException("corrupt JPEG Huffman table (code lengths over-subscribed)");
                }
                code <<= 1;
            }
            t.maxCode[17] = Integer.MAX_VALUE;
            (tc == 0 ? dc : ac)[th] = t;
        }
    }

    private void readScan(int start, int end) {
        if (components == null) {
            throw new MedinoException("corrupt JPEG stream (scan before frame header)");
        }
        int n = u8(start);
        if (n < 1 || n > 4 || end - start < 1 + 2 * n + 3) {
            throw new MedinoException("corrupt JPEG scan header");
        }
        Component[] scan = new Component[n];
        for (int i = 0; i < n; i++) {
            int id = u8(start + 1 + 2 * i);
            int tables = u8(start + 2 + 2 * i);
            Component found = null;
            for (Component c : components) {
                if (c.id == id) {
                    found = c;
                }
            }
            if (found == null) {
                throw new MedinoException("corrupt JPEG scan header (unknown component " + id + ")");
            }
            found.dcTable = tables >> 4;
            found.acTable = tables & 15;
            if (found.dcTable > 3 || found.acTable > 3 || dc[found.dcTable] == null || ac[found.acTable] == null) {
                throw new MedinoException("corrupt JPEG scan header (missing Huffman table)");
            }
            if (quant[found.tq] == null) {
                throw new MedinoException("corrupt JPEG stream (missing quantisation table)");
            }
            scan[i] = found;
        }
        // Ss, Se, Ah/Al are ignored for sequential JPEG, as by the IJG library (which only warns)
        pos = end;
        bitBuffer = 0;
        bitCount = 0;
        for (Component c : scan) {
            c.pred = 0;
        }
        int unitsPerLine;
        int unitsPerColumn;
        if (n == 1) {
            Component c = scan[0];
            unitsPerLine = ceilDiv(ceilDiv(width * c.h, hMax), 8);
            unitsPerColumn = ceilDiv(ceilDiv(height * c.v, vMax), 8);
        } else {
            unitsPerLine = mcusPerLine;
            unitsPerColumn = mcusPerColumn;
        }
        int total = unitsPerLine * unitsPerColumn;
        for (int m = 0; m < total; m++) {
            if (restartInterval > 0 && m > 0 && m % restartInterval == 0) {
                restart(scan);
            }
            int row = m / unitsPerLine;
            int col = m % unitsPerLine;
            if (n == 1) {
                Component c = scan[0];
                decodeBlock(c, (row * c.blocksPerLine + col) * 64);
            } else {
                for (Component c : scan) {
                    for (int v = 0; v < c.v; v++) {
                        for (int h = 0; h < c.h; h++) {
                            int blockRow = row * c.v + v;
                            int blockCol = col * c.h + h;
                            decodeBlock(c, (blockRow * c.blocksPerLine + blockCol) * 64);
                        }
                    }
                }
            }
        }
    }

    /** Expects an RSTn marker at the next byte boundary and resets the predictors. */
    private void restart(Component[] scan) {
        bitBuffer = 0;
        bitCount = 0;
        if (pos + 1 < data.length && u8(pos) == 0xFF && u8(pos + 1) >= 0xD0 && u8(pos + 1) <= 0xD7) {
            pos += 2;
        } else {
            throw new MedinoException("corrupt JPEG stream (missing restart marker)");
        }
        for (Component c : scan) {
            c.pred = 0;
        }
    }

    private void decodeBlock(Component c, int offset) {
        int[] block = c.coefficients;
        int t = decodeSymbol(dc[c.dcTable]);
        if (t > 16) {
            throw new MedinoException("corrupt JPEG data (bad DC difference)");
        }
        int diff = t == 0 ? 0 : extend(receive(t), t);
        c.pred += diff;
        block[offset] = c.pred;
        Huffman acTable = ac[c.acTable];
        int k = 1;
        while (k < 64) {
            int rs = decodeSymbol(acTable);
            int r = rs >> 4;
            int s = rs & 15;
            if (s != 0) {
                k += r;
                if (k > 63) {
                    throw new MedinoException("corrupt JPEG data (coefficient index out of range)");
                }
                block[offset + ZIGZAG[k]] = extend(receive(s), s);
                k++;
            } else if (r == 15) {
                k += 16;
            } else {
                break;
            }
        }
    }

    private int decodeSymbol(Huffman t) {
        int code = bit();
        int l = 1;
        while (code > t.maxCode[l]) {
            code = (code << 1) | bit();
            l++;
            if (l > 16) {
                throw new MedinoException("corrupt JPEG data (bad Huffman code)");
            }
        }
        int index = t.valPtr[l] + code - t.minCode[l];
        if (index < 0 || index >= t.values.length) {
            throw new MedinoException("corrupt JPEG data (bad Huffman code)");
        }
        return t.values[index];
    }

    private int receive(int s) {
        int v = 0;
        for (int i = 0; i < s; i++) {
            v = (v << 1) | bit();
        }
        return v;
    }

    private static int extend(int v, int s) {
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
    }

    private int bit() {
        if (bitCount == 0) {
            if (pos >= data.length) {
                throw new MedinoException("truncated JPEG stream (entropy-coded data ends early)");
            }
            int b = u8(pos);
            if (b == 0xFF) {
                int next = pos + 1 < data.length ? u8(pos + 1) : -1;
                if (next == 0x00) {
                    pos += 2;
                } else {
                    throw new MedinoException(next == 0xD9 || next == -1
                            ? "truncated JPEG stream (entropy-coded data ends early)"
                            : "corrupt JPEG data (unexpected marker in entropy-coded data)");
                }
            } else {
                pos++;
            }
            bitBuffer = b;
            bitCount = 8;
        }
        bitCount--;
        return (bitBuffer >> bitCount) & 1;
    }

    /** Inverse DCT of every block and assembly of the interleaved image. */
    private int[] output() {
        int n = components.length;
        int[] out = new int[width * height * n];
        int pass1Bits = precision == 8 ? 2 : 1;
        int[] workspace = new int[64];
        int[] pixels = new int[64];
        for (int ci = 0; ci < n; ci++) {
            Component c = components[ci];
            int[] q = quant[c.tq];
            for (int by = 0; by < c.blocksPerColumn; by++) {
                if (by * 8 >= height) {
                    break;
                }
                for (int bx = 0; bx < c.blocksPerLine; bx++) {
                    if (bx * 8 >= width) {
                        break;
                    }
                    idctIslow(c.coefficients, (by * c.blocksPerLine + bx) * 64, q, workspace, pixels, pass1Bits);
                    for (int y = 0; y < 8; y++) {
                        int py = by * 8 + y;
                        if (py >= height) {
                            break;
                        }
                        for (int x = 0; x < 8; x++) {
                            int px = bx * 8 + x;
                            if (px >= width) {
                                break;
                            }
                            out[(py * width + px) * n + ci] = pixels[y * 8 + x];
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The IJG "islow" inverse DCT (Loeffler, Ligtenberg and Moschytz), with its range limiting. */
    private void idctIslow(int[] coef, int off, int[] q, int[] ws, int[] out, int pass1Bits) {
        // pass 1: columns, results scaled up by 2^pass1Bits
        for (int col = 0; col < 8; col++) {
            long z2 = (long) coef[off + 16 + col] * q[16 + col];
            long z3 = (long) coef[off + 48 + col] * q[48 + col];
            long z1 = (z2 + z3) * FIX_0_541196100;
            long tmp2 = z1 - z3 * FIX_1_847759065;
            long tmp3 = z1 + z2 * FIX_0_765366865;
            z2 = (long) coef[off + col] * q[col];
            z3 = (long) coef[off + 32 + col] * q[32 + col];
            long tmp0 = (z2 + z3) << CONST_BITS;
            long tmp1 = (z2 - z3) << CONST_BITS;
            long tmp10 = tmp0 + tmp3;
            long tmp13 = tmp0 - tmp3;
            long tmp11 = tmp1 + tmp2;
            long tmp12 = tmp1 - tmp2;

            tmp0 = (long) coef[off + 56 + col] * q[56 + col];
            tmp1 = (long) coef[off + 40 + col] * q[40 + col];
            tmp2 = (long) coef[off + 24 + col] * q[24 + col];
            tmp3 = (long) coef[off + 8 + col] * q[8 + col];
            long[] odd = odd(tmp0, tmp1, tmp2, tmp3);

            int shift = CONST_BITS - pass1Bits;
            ws[col] = (int) descale(tmp10 + odd[3], shift);
            ws[56 + col] = (int) descale(tmp10 - odd[3], shift);
            ws[8 + col] = (int) descale(tmp11 + odd[2], shift);
            ws[48 + col] = (int) descale(tmp11 - odd[2], shift);
            ws[16 + col] = (int) descale(tmp12 + odd[1], shift);
            ws[40 + col] = (int) descale(tmp12 - odd[1], shift);
            ws[24 + col] = (int) descale(tmp13 + odd[0], shift);
            ws[32 + col] = (int) descale(tmp13 - odd[0], shift);
        }
        // pass 2: rows, remove the 2^pass1Bits and the 8 of the 2-D transform
        int shift = CONST_BITS + pass1Bits + 3;
        for (int row = 0; row < 8; row++) {
            int r = row * 8;
            long z2 = ws[r + 2];
            long z3 = ws[r + 6];
            long z1 = (z2 + z3) * FIX_0_541196100;
            long tmp2 = z1 - z3 * FIX_1_847759065;
            long tmp3 = z1 + z2 * FIX_0_765366865;
            long tmp0 = ((long) ws[r] + ws[r + 4]) << CONST_BITS;
            long tmp1 = ((long) ws[r] - ws[r + 4]) << CONST_BITS;
            long tmp10 = tmp0 + tmp3;
            long tmp13 = tmp0 - tmp3;
            long tmp11 = tmp1 + tmp2;
            long tmp12 = tmp1 - tmp2;
            long[] odd = odd(ws[r + 7], ws[r + 5], ws[r + 3], ws[r + 1]);
            out[r] = rangeLimit(descale(tmp10 + odd[3], shift));
            out[r + 7] = rangeLimit(descale(tmp10 - odd[3], shift));
            out[r + 1] = rangeLimit(descale(tmp11 + odd[2], shift));
            out[r + 6] = rangeLimit(descale(tmp11 - odd[2], shift));
            out[r + 2] = rangeLimit(descale(tmp12 + odd[1], shift));
            out[r + 5] = rangeLimit(descale(tmp12 - odd[1], shift));
            out[r + 3] = rangeLimit(descale(tmp13 + odd[0], shift));
            out[r + 4] = rangeLimit(descale(tmp13 - odd[0], shift));
        }
    }

    /** The odd part of the 8-point IDCT for inputs 7, 5, 3, 1; returns tmp0..tmp3. */
    private static long[] odd(long tmp0, long tmp1, long tmp2, long tmp3) {
        long z1 = tmp0 + tmp3;
        long z2 = tmp1 + tmp2;
        long z3 = tmp0 + tmp2;
        long z4 = tmp1 + tmp3;
        long z5 = (z3 + z4) * FIX_1_175875602;
        tmp0 *= FIX_0_298631336;
        tmp1 *= FIX_2_053119869;
        tmp2 *= FIX_3_072711026;
        tmp3 *= FIX_1_501321110;
        z1 *= -FIX_0_899976223;
        z2 *= -FIX_2_562915447;
        z3 *= -FIX_1_961570560;
        z4 *= -FIX_0_390180644;
        z3 += z5;
        z4 += z5;
        return new long[] {tmp0 + z1 + z3, tmp1 + z2 + z4, tmp2 + z2 + z3, tmp3 + z1 + z4};
    }

    private static long descale(long x, int n) {
        return (x + (1L << (n - 1))) >> n;
    }

    /**
     * The IJG range limit: the centred value is taken modulo four sample ranges (so wild values
     * wrap as in the library's table lookup), shifted to unsigned and clamped.
     */
    private int rangeLimit(long centred) {
        int range = 1 << precision;
        int center = range >> 1;
        int w = (int) (centred & (4L * range - 1));
        if (w < center) {
            return center + w;
        } else if (w < 2 * range) {
            return range - 1;
        } else if (w < 4 * range - center) {
            return 0;
        } else {
            return w - 4 * range + center;
        }
    }

    private int u8(int i) {
        return data[i] & 0xFF;
    }

    private int u16(int i) {
        if (i + 1 >= data.length) {
            throw new MedinoException("truncated JPEG stream");
        }
        return (u8(i) << 8) | u8(i + 1);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
