package org.medino.image.nifti;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.medino.MedinoException;
import org.medino.checkpoint.AtomicFiles;
import org.medino.image.NdArray;

/**
 * Writes a row-major {@link NdArray} of shape (dim1, dim2, dim3[, ...]) as a little-endian
 * single-file NIfTI-1 image ({@code .nii.gz} when the name ends in .gz, else {@code .nii}),
 * atomically (temporary file + rename).
 *
 * <p>Both sform and qform are set from the affine (codes default to 1, scanner anatomical), the
 * qform the way nibabel's {@code set_qform} derives it (zooms = column norms, qfac = -1 for a
 * left-handed affine, shears stripped), and pixdim[1..3] are those zooms. scl_slope is 1 and
 * scl_inter 0 (no scaling); xyzt_units says mm (and seconds for a 4th axis).
 */
public final class NiftiWriter {
    /** The stored datatype; AUTO picks the narrowest of uint8, int16, float32, float64 that is exact. */
    public enum Type { AUTO, UINT8, INT16, FLOAT32, FLOAT64 }

    private static final int HEADER = 348;
    private static final int VOX_OFFSET = 352;

    private NiftiWriter() {}

    public static void write(Path file, NdArray voxels, double[][] affine) {
        write(file, voxels, affine, Type.AUTO, 1);
    }

    /**
     * @param type stored datatype (UINT8 / INT16 need integer values in range; FLOAT32 rounds float64 values)
     * @param xformCode qform_code and sform_code to record (1 scanner, 2 aligned, 3 Talairach, 4 MNI, 5 template)
     */
    public static void write(Path file, NdArray voxels, double[][] affine, Type type, int xformCode) {
        int rank = voxels.rank();
        if (rank < 1 || rank > 7) throw new MedinoException(file + ": NIfTI holds 1 to 7 dimensions, got " + rank);
        for (long d : voxels.shape()) {
            if (d > Short.MAX_VALUE) throw new MedinoException(file + ": dimension " + d + " exceeds NIfTI-1's limit of 32767");
        }
        if (affine == null || affine.length != 4 || affine[0].length != 4) {
            throw new MedinoException(file + ": a 4x4 affine is needed");
        }
        if (xformCode < 0 || xformCode > 5) throw new MedinoException(file + ": xform code " + xformCode + " is not 0 to 5");
        NiftiDatatype dt = choose(file, voxels, type);
        ByteBuffer header = header(voxels, affine, dt, xformCode, file);
        boolean gz = file.getFileName().toString().toLowerCase().endsWith(".gz");
        AtomicFiles.write(file, channel -> {
            OutputStream raw = Channels.newOutputStream(channel);
            OutputStream out = gz ? new GZIPOutputStream(raw, 1 << 16) : raw;
            out.write(header.array());
            writeData(out, voxels, dt);
            if (gz) ((GZIPOutputStream) out).finish();
            out.flush();
        });
    }

    static NiftiDatatype choose(Path file, NdArray v, Type type) {
        boolean integral = true;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        int n = v.size();
        for (int i = 0; i < n; i++) {
            double x = v.get(i);
            if (x != Math.rint(x)) integral = false; // also false for NaN and infinities
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        switch (type) {
            case UINT8:
                if (n > 0 && (!integral || min < 0 || max > 255)) throw new MedinoException(file + ": values are not all integers in 0..255, cannot store as uint8");
                return NiftiDatatype.UINT8;
            case INT16:
                if (n > 0 && (!integral || min < Short.MIN_VALUE || max > Short.MAX_VALUE)) throw new MedinoException(file + ": values are not all integers in -32768..32767, cannot store as int16");
                return NiftiDatatype.INT16;
            case FLOAT32:
                return NiftiDatatype.FLOAT32;
            case FLOAT64:
                return NiftiDatatype.FLOAT64;
            default:
                if (integral && (n == 0 || (min >= 0 && max <= 255))) return NiftiDatatype.UINT8;
                if (integral && min >= Short.MIN_VALUE && max <= Short.MAX_VALUE) return NiftiDatatype.INT16;
                return v.isDouble() ? NiftiDatatype.FLOAT64 : NiftiDatatype.FLOAT32;
        }
    }

    private static ByteBuffer header(NdArray v, double[][] affine, NiftiDatatype dt, int code, Path file) {
        ByteBuffer b = ByteBuffer.allocate(VOX_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        long[] shape = v.shape();
        b.putInt(0, HEADER);
        b.put(38, (byte) 'r'); // "regular", as the Analyze heritage expects
        b.putShort(40, (short) shape.length);
        for (int i = 0; i < 7; i++) b.putShort(42 + 2 * i, (short) (i < shape.length ? shape[i] : 1));
        b.putShort(70, (short) dt.code);
        b.putShort(72, (short) (dt.bytes * 8));
        NiftiAffines.Qform q;
        try {
            q = NiftiAffines.toQform(affine);
        } catch (MedinoException e) {
            throw new MedinoException(file + ": " + e.getMessage(), e);
        }
        float[] pixdim = {(float) q.qfac(), (float) q.zooms()[0], (float) q.zooms()[1], (float) q.zooms()[2], 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) b.putFloat(76 + 4 * i, pixdim[i]);
        b.putFloat(108, VOX_OFFSET);
        b.putFloat(112, 1f);
        b.putFloat(116, 0f);
        b.put(123, (byte) (shape.length > 3 ? 2 | 8 : 2)); // NIFTI_UNITS_MM (| NIFTI_UNITS_SEC)
        byte[] descrip = "medino".getBytes(StandardCharsets.US_ASCII);
        b.put(148, descrip);
        b.putShort(252, (short) code);
        b.putShort(254, (short) code);
        for (int i = 0; i < 3; i++) b.putFloat(256 + 4 * i, (float) q.quaternBcd()[i]);
        for (int i = 0; i < 3; i++) b.putFloat(268 + 4 * i, (float) q.offset()[i]);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) b.putFloat(280 + 16 * r + 4 * c, (float) affine[r][c]);
        }
        b.put(344, "n+1".getBytes(StandardCharsets.US_ASCII));
        // bytes 348..351 stay zero: "no extensions follow"
        return b;
    }

    /** Row-major values out in Fortran order (dim1 fastest), a buffer at a time. */
    private static void writeData(OutputStream out, NdArray v, NiftiDatatype dt) throws IOException {
        long[] shape = v.shape();
        int rank = shape.length;
        int n = v.size();
        long[] cStride = new long[rank];
        long s = 1;
        for (int a = rank - 1; a >= 0; a--) {
            cStride[a] = s;
            s *= shape[a];
        }
        ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        long[] ctr = new long[rank];
        long src = 0;
        float[] f = v.isDouble() ? null : v.floats();
        double[] d = v.isDouble() ? v.doubles() : null;
        for (int k = 0; k < n; k++) {
            double x = f != null ? f[(int) src] : d[(int) src];
            switch (dt) {
                case UINT8: buf.put((byte) (int) x); break;
                case INT16: buf.putShort((short) x); break;
                case FLOAT32: buf.putFloat((float) x); break;
                default: buf.putDouble(x); break;
            }
            if (buf.remaining() < 8) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            // advance the Fortran-order counter (axis 0 fastest) and the matching C-order offset
            for (int a = 0; a < rank; a++) {
                ctr[a]++;
                src += cStride[a];
                if (ctr[a] < shape[a]) break;
                src -= ctr[a] * cStride[a];
                ctr[a] = 0;
            }
        }
        out.write(buf.array(), 0, buf.position());
    }
}
