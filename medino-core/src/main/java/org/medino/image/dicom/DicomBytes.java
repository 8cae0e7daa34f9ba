package org.medino.image.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.medino.MedinoException;

/**
 * The bytes of one file (memory-mapped, so that values never read are never copied) or of the
 * inflated data set of a deflated file, with bounds-checked reads whose failures say where the
 * data ended and which element was being read.
 */
final class DicomBytes {
    private final ByteBuffer buffer;
    private final String source;
    private final String where;

    /**
     * @param source the file, as it should appear at the start of error messages
     * @param where how to name an offset, "byte" for the file itself, "byte (of the inflated data
     *     set)" for deflated data, so that offsets in messages can be found with a hex viewer
     */
    DicomBytes(ByteBuffer buffer, String source, String where) {
        this.buffer = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.source = source;
        this.where = where;
    }

    int size() {
        return buffer.limit();
    }

    String source() {
        return source;
    }

    /** Throws unless {@code length} bytes exist at {@code pos}; {@code tag} names what was being read. */
    void need(long pos, long length, int tag) {
        if (pos < 0 || length < 0 || pos + length > buffer.limit()) {
            throw truncated(tag);
        }
    }

    MedinoException truncated(int tag) {
        return new MedinoException(source + ": truncated at " + where + " " + buffer.limit()
                + (tag == 0 ? "" : " inside " + Tags.str(tag)));
    }

    MedinoException malformed(long pos, String problem) {
        return new MedinoException(source + ": malformed at " + where + " " + pos + ": " + problem);
    }

    int u8(int pos) {
        return buffer.get(pos) & 0xFF;
    }

    int u16(int pos, boolean bigEndian) {
        int a = buffer.get(pos) & 0xFF;
        int b = buffer.get(pos + 1) & 0xFF;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    long u32(int pos, boolean bigEndian) {
        long a = u16(pos, bigEndian);
        long b = u16(pos + 2, bigEndian);
        return bigEndian ? (a << 16) | b : (b << 16) | a;
    }

    long u64(int pos, boolean bigEndian) {
        long a = u32(pos, bigEndian);
        long b = u32(pos + 4, bigEndian);
        return bigEndian ? (a << 32) | b : (b << 32) | a;
    }

    /** A tag: group then element, each in the data set's byte order. */
    int tag(int pos, boolean bigEndian) {
        return (u16(pos, bigEndian) << 16) | u16(pos + 2, bigEndian);
    }

    /** A copy of a range; callers only ask for values they need (never for skipped blobs). */
    byte[] copy(int pos, int length) {
        byte[] out = new byte[length];
        buffer.get(pos, out);
        return out;
    }

    /** A read-only view on a range, for pixel data (no copy). */
    ByteBuffer slice(int pos, int length, boolean bigEndian) {
        return buffer.slice(pos, length).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }
}
