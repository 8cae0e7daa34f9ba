package org.medino.image.codec;

/**
 * Element types of raw voxel data, named as numpy names them (without byte order), shared by the
 * NIfTI and npy readers.
 */
public enum RawType {
    BOOL("bool", 1),
    UINT8("uint8", 1),
    INT8("int8", 1),
    UINT16("uint16", 2),
    INT16("int16", 2),
    UINT32("uint32", 4),
    INT32("int32", 4),
    UINT64("uint64", 8),
    INT64("int64", 8),
    FLOAT16("float16", 2),
    FLOAT32("float32", 4),
    FLOAT64("float64", 8);

    private final String numpyName;
    private final int bytes;

    RawType(String numpyName, int bytes) {
        this.numpyName = numpyName;
        this.bytes = bytes;
    }

    public String numpyName() {
        return numpyName;
    }

    public int bytes() {
        return bytes;
    }
}
