package org.medino.image.nifti;

import org.medino.image.codec.RawType;

/**
 * The NIfTI datatype codes medino reads, with their numpy names (as nibabel reports them).
 *
 * <p>RGB24, RGBA32, complex and float128 are deliberately absent: medino's arrays hold one real
 * value per voxel, and guessing how to flatten colour or complex voxels would silently change the
 * shape nibabel reports. Such files are refused with a message naming the datatype.
 */
enum NiftiDatatype {
    UINT8(2, "uint8", 1),
    INT16(4, "int16", 2),
    INT32(8, "int32", 4),
    FLOAT32(16, "float32", 4),
    FLOAT64(64, "float64", 8),
    INT8(256, "int8", 1),
    UINT16(512, "uint16", 2),
    UINT32(768, "uint32", 4),
    INT64(1024, "int64", 8),
    UINT64(1280, "uint64", 8);

    final int code;
    final String numpyName;
    final int bytes;

    NiftiDatatype(int code, String numpyName, int bytes) {
        this.code = code;
        this.numpyName = numpyName;
        this.bytes = bytes;
    }

    /** The same element type in the shared decoder's terms (the names match). */
    RawType rawType() {
        return RawType.valueOf(name());
    }

    /** True when every raw value is exactly a float32, so no exactness check is needed. */
    boolean alwaysFloat32Exact() {
        return this == UINT8 || this == INT8 || this == INT16 || this == UINT16 || this == FLOAT32;
    }

    static NiftiDatatype ofCode(int code) {
        for (NiftiDatatype t : values()) {
            if (t.code == code) return t;
        }
        return null;
    }

    /** Names of the codes medino knows but refuses, for a clearer message than "unknown". */
    static String unsupportedName(int code) {
        switch (code) {
            case 1: return "binary (1 bit)";
            case 32: return "complex64";
            case 128: return "RGB24";
            case 1536: return "float128";
            case 1792: return "complex128";
            case 2048: return "complex256";
            case 2304: return "RGBA32";
            default: return null;
        }
    }
}
