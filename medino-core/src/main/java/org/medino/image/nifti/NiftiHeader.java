package org.medino.image.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.medino.MedinoException;

/**
 * The fields of a NIfTI-1 or NIfTI-2 header that medino uses, already widened to long / double
 * and already "fixed" the way nibabel's {@code check_fix} fixes a header on load (negative
 * pixdims made positive, zero pixdims set to 1, a qfac other than ±1 set to 1, unknown xform codes
 * set to 0), so that the affine and zooms match what nibabel reports for the same file.
 */
final class NiftiHeader {
    static final int NIFTI1_SIZE = 348;
    static final int NIFTI2_SIZE = 540;

    int version;
    ByteOrder order;
    boolean singleFile;
    long[] dim;            // dim[1..ndim]
    double[] pixdim = new double[8];
    long voxOffset;
    int datatypeCode;
    NiftiDatatype datatype;
    double sclSlope;
    double sclInter;
    int qformCode;
    int sformCode;
    double[] quatern = new double[3];
    double[] qoffset = new double[3];
    double[][] srow = new double[3][4];
    int xyztUnits;
    int intentCode;
    String descrip;

    /** Number of bytes to read first: enough to tell NIfTI-1 from NIfTI-2 and the byte order. */
    static final int PROBE = 4;

    /** Works out version and byte order from sizeof_hdr (348 or 540, in either byte order). */
    static int headerSize(byte[] first4, Path file) {
        ByteBuffer b = ByteBuffer.wrap(first4);
        int le = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        int be = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
        if (le == NIFTI1_SIZE || be == NIFTI1_SIZE) return NIFTI1_SIZE;
        if (le == NIFTI2_SIZE || be == NIFTI2_SIZE) return NIFTI2_SIZE;
        throw new MedinoException(file + ": not a NIfTI file (sizeof_hdr is " + le + ", expected 348 or 540)");
    }

    static NiftiHeader parse(byte[] raw, Path file) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int size = b.getInt(0);
        if (size != NIFTI1_SIZE && size != NIFTI2_SIZE) {
            b.order(ByteOrder.BIG_ENDIAN);
            size = b.getInt(0);
        }
        NiftiHeader h = new NiftiHeader();
        h.order = b.order();
        if (size == NIFTI1_SIZE) {
            h.parse1(b, file);
        } else {
            h.parse2(b, file);
        }
        h.fixLikeNibabel();
        h.resolveDatatype(file);
        return h;
    }

    private void parse1(ByteBuffer b, Path file) {
        version = 1;
        String magic = ascii(b, 344, 4);
        if (magic.equals("n+1")) {
            singleFile = true;
        } else if (magic.equals("ni1")) {
            singleFile = false;
        } else {
            throw new MedinoException(file + ": not a NIfTI-1 file (magic is '" + printable(magic) + "', expected 'n+1' or 'ni1'; plain Analyze is not supported)");
        }
        int ndim = b.getShort(40);
        checkNdim(ndim, file);
        dim = new long[ndim];
        for (int i = 0; i < ndim; i++) dim[i] = b.getShort(42 + 2 * i);
        intentCode = b.getShort(68);
        datatypeCode = b.getShort(70);
        for (int i = 0; i < 8; i++) pixdim[i] = b.getFloat(76 + 4 * i);
        float offset = b.getFloat(108);
        voxOffset = (long) offset;
        if (offset != voxOffset) throw new MedinoException(file + ": vox_offset " + offset + " is not a whole number of bytes");
        sclSlope = b.getFloat(112);
        sclInter = b.getFloat(116);
        xyztUnits = b.get(123) & 0xff;
        descrip = ascii(b, 148, 80);
        qformCode = b.getShort(252);
        sformCode = b.getShort(254);
        for (int i = 0; i < 3; i++) quatern[i] = b.getFloat(256 + 4 * i);
        for (int i = 0; i < 3; i++) qoffset[i] = b.getFloat(268 + 4 * i);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) srow[r][c] = b.getFloat(280 + 16 * r + 4 * c);
        }
    }

    private void parse2(ByteBuffer b, Path file) {
        version = 2;
        String magic = ascii(b, 4, 4);
        byte[] tail = new byte[4];
        b.get(8, tail);
        // The tail "\r\n\032\n" detects files mangled by text-mode transfers, as in PNG.
        boolean tailOk = tail[0] == '\r' && tail[1] == '\n' && tail[2] == 032 && tail[3] == '\n';
        if (magic.equals("n+2") && tailOk) {
            singleFile = true;
        } else if (magic.equals("ni2") && tailOk) {
            singleFile = false;
        } else {
            throw new MedinoException(file + ": not a NIfTI-2 file (bad magic '" + printable(magic) + "')");
        }
        datatypeCode = b.getShort(12);
        long ndim = b.getLong(16);
        checkNdim(ndim, file);
        dim = new long[(int) ndim];
        for (int i = 0; i < ndim; i++) dim[i] = b.getLong(24 + 8 * i);
        for (int i = 0; i < 8; i++) pixdim[i] = b.getDouble(104 + 8 * i);
        voxOffset = b.getLong(168);
        sclSlope = b.getDouble(176);
        sclInter = b.getDouble(184);
        descrip = ascii(b, 240, 80);
        qformCode = b.getInt(344);
        sformCode = b.getInt(348);
        for (int i = 0; i < 3; i++) quatern[i] = b.getDouble(352 + 8 * i);
        for (int i = 0; i < 3; i++) qoffset[i] = b.getDouble(376 + 8 * i);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) srow[r][c] = b.getDouble(400 + 32 * r + 8 * c);
        }
        xyztUnits = b.getInt(500);
        intentCode = b.getInt(504);
    }

    private static void checkNdim(long ndim, Path file) {
        if (ndim < 1 || ndim > 7) {
            throw new MedinoException(file + ": dim[0] is " + ndim + ", expected 1 to 7");
        }
    }

    /** The repairs nibabel's header check makes on load (problem level below its error level). */
    private void fixLikeNibabel() {
        for (int i = 1; i <= 3; i++) {
            if (pixdim[i] == 0) pixdim[i] = 1;
            pixdim[i] = Math.abs(pixdim[i]);
        }
        if (pixdim[0] != 1 && pixdim[0] != -1) pixdim[0] = 1;
        if (qformCode < 0 || qformCode > 5) qformCode = 0;
        if (sformCode < 0 || sformCode > 5) sformCode = 0;
    }

    private void resolveDatatype(Path file) {
        datatype = NiftiDatatype.ofCode(datatypeCode);
        if (datatype == null) {
            String known = NiftiDatatype.unsupportedName(datatypeCode);
            throw new MedinoException(file + ": NIfTI datatype " + datatypeCode
                    + (known != null ? " (" + known + ") is not supported: medino reads one real value per voxel" : " is unknown"));
        }
        for (int i = 0; i < dim.length; i++) {
            if (dim[i] < 0) throw new MedinoException(file + ": dim[" + (i + 1) + "] is negative (" + dim[i] + ")");
        }
    }

    long voxelCount() {
        long n = 1;
        for (long d : dim) n = Math.multiplyExact(n, d);
        return n;
    }

    /** The (slope, inter) nibabel applies, or null when it applies none (slope 0 or not finite). */
    double[] scaling(Path file) {
        if (sclSlope == 0 || !Double.isFinite(sclSlope)) return null;
        if (!Double.isFinite(sclInter)) {
            // nibabel raises HeaderDataError here too; reading on would give all-NaN/inf voxels.
            throw new MedinoException(file + ": valid scl_slope " + sclSlope + " but invalid scl_inter " + sclInter);
        }
        if (sclSlope == 1 && sclInter == 0) return null;
        return new double[] {sclSlope, sclInter};
    }

    private static String ascii(ByteBuffer b, int offset, int length) {
        byte[] bytes = new byte[length];
        b.get(offset, bytes);
        int end = 0;
        while (end < length && bytes[end] != 0) end++;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
