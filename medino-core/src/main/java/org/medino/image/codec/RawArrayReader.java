package org.medino.image.codec;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.ZipException;
import org.medino.MedinoException;
import org.medino.image.NdArray;

/**
 * Reads a block of raw typed values from a stream into a row-major {@link NdArray}, optionally
 * scaling them ({@code raw * slope + inter} in double, as nibabel does) and transposing from
 * Fortran order (first axis fastest, as NIfTI and fortran-ordered npy store them).
 *
 * <p>Speed matters here (a 256³ volume is 16 M voxels), so the stream is read in large chunks,
 * each chunk is decoded by one tight loop per element type (the type is switched on once per
 * chunk, never per voxel), and values go straight into a float[] for as long as they are exact
 * float32, switching once to double[] at the first value that is not.
 */
public final class RawArrayReader {
    private static final int CHUNK_BYTES = 1 << 20;

    private final RawType type;
    private final ByteOrder order;
    private final long[] shape;
    private final boolean fortranOrder;
    private final double slope;
    private final double inter;
    private final boolean scaled;

    private float[] floats;
    private double[] doubles;

    // Fortran-order walk: position along axis 0 and the row-major offset of the current row.
    private final long[] counter;
    private final int[] cStride;
    private long rowBase;
    private int i0;
    private int cPos;

    private RawArrayReader(RawType type, ByteOrder order, long[] shape, boolean fortranOrder, double[] scaling) {
        this.type = type;
        this.order = order;
        this.shape = shape.clone();
        this.fortranOrder = fortranOrder && shape.length > 1;
        this.scaled = scaling != null;
        this.slope = scaled ? scaling[0] : 1;
        this.inter = scaled ? scaling[1] : 0;
        this.counter = new long[shape.length];
        this.cStride = new int[shape.length];
    }

    /**
     * Reads {@code prod(shape)} values of {@code type} from {@code in}.
     *
     * @param scaling {slope, inter} to apply as raw * slope + inter (slope 1 / inter 0 skipped), or null
     * @param file named in error messages
     * @throws MedinoException if the stream ends early or cannot be read (e.g. broken gzip)
     */
    public static NdArray read(InputStream in, RawType type, ByteOrder order, long[] shape, boolean fortranOrder,
            double[] scaling, Path file) {
        return new RawArrayReader(type, order, shape, fortranOrder, scaling).readAll(in, file);
    }

    private NdArray readAll(InputStream in, Path file) {
        long count = 1;
        for (long d : shape) count = Math.multiplyExact(count, d);
        if (count > Integer.MAX_VALUE - 16) {
            throw new MedinoException(file + ": " + count + " values are more than one Java array can hold");
        }
        int n = (int) count;
        floats = new float[n];
        long stride = 1;
        for (int a = shape.length - 1; a >= 0; a--) {
            cStride[a] = (int) stride;
            stride *= shape[a];
        }
        int bytes = type.bytes();
        try {
            long slab = shape.length > 1 ? n / Math.max(1, shape[shape.length - 1]) : n;
            if (fortranOrder && n > 0 && slab <= TILED_MAX_VALUES / 2) {
                readTiled(in, n, (int) slab, file);
            } else {
                readStreaming(in, n, file);
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new MedinoException(file + ": compressed data is corrupt or truncated (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new MedinoException(file + ": cannot read: " + e.getMessage(), e);
        }
        return doubles != null ? NdArray.ofDoubles(doubles, shape) : NdArray.ofFloats(floats, shape);
    }

    /** Values per tiled block: 16 MB of doubles, enough for 32 slices of 256 x 256. */
    private static final int TILED_MAX_VALUES = 1 << 21;
    private static final int TILE = 16;

    /** C order (or a 1-D / too-large Fortran array): stream chunk by chunk. */
    private void readStreaming(InputStream in, int n, Path file) throws IOException {
        int bytes = type.bytes();
        int chunkElems = Math.max(1, CHUNK_BYTES / bytes);
        int len = (int) Math.min(chunkElems, Math.max(1L, n));
        double[] values = new double[len];
        long done = 0;
        try (ChunkFeeder feeder = new ChunkFeeder(in, (long) n * bytes, len * bytes, file)) {
          while (done < n) {
            int want = (int) Math.min(values.length, n - done);
            byte[] buf = feeder.next();
            decode(buf, want, values);
            if (scaled) scale(values, want);
            store(values, want);
            done += want;
          }
        }
    }

    /**
     * Fortran order, read a block of whole slabs (all axes but the last) at a time, then copy it
     * out in 16 x 16 tiles of (axis 0) x (last axis): the file is contiguous along axis 0, the
     * output along the last axis, so tiling keeps both reads and writes within cache lines. A plain
     * scatter writes every value to a different cache line and costs as much as the gunzip.
     */
    private void readTiled(InputStream in, int n, int slab, Path file) throws IOException {
        int bytes = type.bytes();
        int rank = shape.length;
        int dLast = (int) shape[rank - 1];
        int d0 = (int) shape[0];
        int mid = rank > 2 ? slab / d0 : 1;
        int block = Math.max(1, Math.min(dLast, Math.min(16, TILED_MAX_VALUES / slab)));
        double[] values = new double[block * slab];
        try (ChunkFeeder feeder = new ChunkFeeder(in, (long) n * bytes, block * slab * bytes, file)) {
        // For each combination of the middle axes: its offset inside a file slab (Fortran) and its
        // index among middle combinations in the output (C order), precomputed once.
        int[] midF = new int[mid];
        int[] midC = new int[mid];
        long[] ctr = new long[rank];
        for (int m = 0; m < mid; m++) {
            long f = 0, c = 0, fStride = d0;
            for (int a = 1; a < rank - 1; a++) {
                f += ctr[a] * fStride;
                fStride *= shape[a];
            }
            for (int a = 1; a < rank - 1; a++) c = c * shape[a] + ctr[a];
            midF[m] = (int) f;
            midC[m] = (int) c;
            for (int a = 1; a < rank - 1; a++) {
                if (++ctr[a] < shape[a]) break;
                ctr[a] = 0;
            }
        }
        for (int last0 = 0; last0 < dLast; last0 += block) {
            int nb = Math.min(block, dLast - last0);
            int want = nb * slab;
            byte[] buf = feeder.next();
            decode(buf, want, values);
            if (scaled) scale(values, want);
            if (doubles == null && !allFloatExact(values, want)) upgrade();
            for (int m = 0; m < mid; m++) {
                int f0 = midF[m];
                long outRow = (long) midC[m] * dLast + last0;
                long rowStep = (long) mid * dLast;
                for (int i0t = 0; i0t < d0; i0t += TILE) {
                    int i0e = Math.min(d0, i0t + TILE);
                    for (int bt = 0; bt < nb; bt += TILE) {
                        int be = Math.min(nb, bt + TILE);
                        for (int i0 = i0t; i0 < i0e; i0++) {
                            int dst = (int) (outRow + i0 * rowStep);
                            int src = f0 + i0;
                            if (doubles == null) {
                                float[] out = floats;
                                for (int b = bt; b < be; b++) out[dst + b] = (float) values[src + b * slab];
                            } else {
                                double[] out = doubles;
                                for (int b = bt; b < be; b++) out[dst + b] = values[src + b * slab];
                            }
                        }
                    }
                }
            }
        }
        }
    }

    private static boolean allFloatExact(double[] v, int count) {
        for (int k = 0; k < count; k++) {
            double x = v[k];
            if ((float) x != x && x == x) return false;
        }
        return true;
    }

    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** One tight loop per type: the switch runs once per chunk. */
    private void decode(byte[] b, int count, double[] out) {
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        VarHandle s = le ? SHORT_LE : SHORT_BE;
        VarHandle i = le ? INT_LE : INT_BE;
        VarHandle l = le ? LONG_LE : LONG_BE;
        switch (type) {
            case BOOL:
                for (int k = 0; k < count; k++) out[k] = b[k] != 0 ? 1 : 0;
                break;
            case UINT8:
                for (int k = 0; k < count; k++) out[k] = b[k] & 0xff;
                break;
            case INT8:
                for (int k = 0; k < count; k++) out[k] = b[k];
                break;
            case UINT16:
                for (int k = 0; k < count; k++) out[k] = ((short) s.get(b, 2 * k)) & 0xffff;
                break;
            case INT16:
                for (int k = 0; k < count; k++) out[k] = (short) s.get(b, 2 * k);
                break;
            case FLOAT16:
                for (int k = 0; k < count; k++) out[k] = halfToFloat((short) s.get(b, 2 * k));
                break;
            case UINT32:
                for (int k = 0; k < count; k++) out[k] = ((int) i.get(b, 4 * k)) & 0xffffffffL;
                break;
            case INT32:
                for (int k = 0; k < count; k++) out[k] = (int) i.get(b, 4 * k);
                break;
            case FLOAT32:
                for (int k = 0; k < count; k++) out[k] = Float.intBitsToFloat((int) i.get(b, 4 * k));
                break;
            case UINT64:
                for (int k = 0; k < count; k++) out[k] = unsignedToDouble((long) l.get(b, 8 * k));
                break;
            case INT64:
                for (int k = 0; k < count; k++) out[k] = (long) l.get(b, 8 * k);
                break;
            case FLOAT64:
                for (int k = 0; k < count; k++) out[k] = Double.longBitsToDouble((long) l.get(b, 8 * k));
                break;
            default:
                throw new IllegalStateException("unhandled type " + type);
        }
    }

    /** Separate multiply and add (no fused multiply-add), as numpy computes arr * slope + inter. */
    private void scale(double[] v, int count) {
        if (slope != 1.0) {
            for (int k = 0; k < count; k++) v[k] = v[k] * slope;
        }
        if (inter != 0.0) {
            for (int k = 0; k < count; k++) v[k] = v[k] + inter;
        }
    }

    private void store(double[] v, int count) {
        if (!fortranOrder) {
            for (int k = 0; k < count; k++) put(cPos + k, v[k]);
            cPos += count;
            return;
        }
        int d0 = (int) shape[0];
        int s0 = cStride[0];
        int k = 0;
        while (k < count) {
            int run = Math.min(d0 - i0, count - k);
            int dst = (int) (rowBase + (long) i0 * s0);
            if (doubles == null) {
                float[] f = floats;
                for (int r = 0; r < run; r++, dst += s0) {
                    double x = v[k + r];
                    float y = (float) x;
                    if (y != x && x == x) {
                        upgrade();
                        for (int q = r; q < run; q++, dst += s0) doubles[dst] = v[k + q];
                        break;
                    }
                    f[dst] = y;
                }
            } else {
                double[] d = doubles;
                for (int r = 0; r < run; r++, dst += s0) d[dst] = v[k + r];
            }
            k += run;
            i0 += run;
            if (i0 == d0) {
                i0 = 0;
                nextRow();
            }
        }
    }

    /** Odometer over axes 1.. (axis 1 fastest) tracking the row-major offset of the row's first value. */
    private void nextRow() {
        for (int a = 1; a < shape.length; a++) {
            counter[a]++;
            rowBase += cStride[a];
            if (counter[a] < shape[a]) return;
            rowBase -= counter[a] * cStride[a];
            counter[a] = 0;
        }
    }

    private void put(int index, double x) {
        if (doubles == null) {
            float y = (float) x;
            if (y == x || x != x) {
                floats[index] = y;
                return;
            }
            upgrade();
        }
        doubles[index] = x;
    }

    /** First value that float32 cannot hold exactly: everything so far was exact, so widening loses nothing. */
    private void upgrade() {
        doubles = new double[floats.length];
        for (int k = 0; k < floats.length; k++) doubles[k] = floats[k];
        floats = null;
    }

    /** Round-to-nearest conversion of an unsigned 64-bit value (the low bit kept as a sticky bit). */
    static double unsignedToDouble(long v) {
        if (v >= 0) return v;
        return ((double) ((v >>> 1) | (v & 1))) * 2.0;
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            // subnormal (or zero): mant * 2^-24, exact in float
            float f = mant * 0x1p-24f;
            return sign != 0 ? -f : f;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
