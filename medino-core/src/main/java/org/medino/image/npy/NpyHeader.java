package org.medino.image.npy;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medino.MedinoException;
import org.medino.image.codec.Inputs;
import org.medino.image.codec.RawType;

/**
 * The preamble of a .npy file: magic, version, and the header dictionary
 * ({'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }), parsed just far enough for the
 * three keys numpy writes. The dictionary is never evaluated: object arrays (which would need
 * unpickling) and structured dtypes are refused.
 */
final class NpyHeader {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    final RawType type;
    final ByteOrder order;
    final boolean fortranOrder;
    final long[] shape;

    private NpyHeader(RawType type, ByteOrder order, boolean fortranOrder, long[] shape) {
        this.type = type;
        this.order = order;
        this.fortranOrder = fortranOrder;
        this.shape = shape;
    }

    static NpyHeader read(InputStream in, Path file) {
        byte[] pre = Inputs.readExactly(in, 8, file, "npy preamble");
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre[i] != MAGIC[i]) throw new MedinoException(file + ": not a .npy file (no \\x93NUMPY magic)");
        }
        int major = pre[6];
        int headerLen;
        if (major == 1) {
            byte[] len = Inputs.readExactly(in, 2, file, "npy header length");
            headerLen = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
        } else if (major == 2 || major == 3) {
            byte[] len = Inputs.readExactly(in, 4, file, "npy header length");
            headerLen = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (headerLen < 0 || headerLen > (1 << 24)) throw new MedinoException(file + ": implausible npy header length " + headerLen);
        } else {
            throw new MedinoException(file + ": unsupported npy format version " + major + "." + pre[7]);
        }
        // Version 3 only differs in allowing UTF-8 (field names of structured dtypes, refused anyway).
        String dict = new String(Inputs.readExactly(in, headerLen, file, "npy header"),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(dict, file);
    }

    static NpyHeader parse(String dict, Path file) {
        Matcher d = DESCR.matcher(dict);
        if (!d.find()) {
            if (dict.contains("'descr': [")) throw new MedinoException(file + ": structured npy dtypes are not supported");
            throw new MedinoException(file + ": npy header has no 'descr': " + oneLine(dict));
        }
        String descr = d.group(1);
        Matcher f = FORTRAN.matcher(dict);
        Matcher s = SHAPE.matcher(dict);
        if (!f.find() || !s.find()) throw new MedinoException(file + ": npy header lacks fortran_order or shape: " + oneLine(dict));
        char bo = descr.isEmpty() ? '?' : descr.charAt(0);
        String code = "<>|=".indexOf(bo) >= 0 ? descr.substring(1) : descr;
        ByteOrder order = bo == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        RawType type = typeOf(code);
        if (type == null) {
            if (code.startsWith("O")) {
                throw new MedinoException(file + ": npy holds Python objects (dtype " + descr + "), which medino refuses to unpickle");
            }
            throw new MedinoException(file + ": npy dtype " + descr + " is not supported (bool, integers and f2/f4/f8 are)");
        }
        String[] parts = s.group(1).split(",");
        int rank = 0;
        long[] shape = new long[parts.length];
        for (String p : parts) {
            String t = p.trim();
            if (t.isEmpty()) continue;
            if (t.endsWith("L")) t = t.substring(0, t.length() - 1); // Python 2 longs
            try {
                shape[rank++] = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new MedinoException(file + ": bad npy shape (" + s.group(1) + ")");
            }
        }
        long[] exact = new long[rank];
        System.arraycopy(shape, 0, exact, 0, rank);
        return new NpyHeader(type, order, f.group(1).equals("True"), exact);
    }

    private static RawType typeOf(String code) {
        switch (code) {
            case "b1": case "?": return RawType.BOOL;
            case "u1": case "B": return RawType.UINT8;
            case "i1": case "b": return RawType.INT8;
            case "u2": return RawType.UINT16;
            case "i2": return RawType.INT16;
            case "u4": return RawType.UINT32;
            case "i4": return RawType.INT32;
            case "u8": return RawType.UINT64;
            case "i8": return RawType.INT64;
            case "f2": return RawType.FLOAT16;
            case "f4": return RawType.FLOAT32;
            case "f8": return RawType.FLOAT64;
            default: return null;
        }
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 120 ? t.substring(0, 120) + "..." : t;
    }
}
