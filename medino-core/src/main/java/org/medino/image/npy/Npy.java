package org.medino.image.npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.medino.MedinoException;
import org.medino.checkpoint.AtomicFiles;
import org.medino.image.NdArray;
import org.medino.image.codec.RawArrayReader;

/**
 * numpy's .npy format (versions 1.0, 2.0 and 3.0): bool, (u)int8..64 and float16/32/64 in either
 * byte order, C or Fortran order (Fortran arrays are transposed to row-major on read, keeping
 * the shape). Values become float32 when exact, else float64, as everywhere in medino.
 */
public final class Npy {
    private Npy() {}

    /** An array together with the numpy dtype name it was stored as (e.g. "uint8", "float64"). */
    public record Typed(NdArray array, String dtype) {}

    public static NdArray read(Path file) {
        return readTyped(file).array();
    }

    public static Typed readTyped(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(new java.io.BufferedInputStream(in, 1 << 16), file);
        } catch (NoSuchFileException e) {
            throw new MedinoException(file + ": no such file", e);
        } catch (IOException e) {
            throw new MedinoException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads one array from a stream (a file, or an entry of an .npz); {@code name} is used in messages. */
    static Typed read(InputStream in, Path name) {
        NpyHeader h = NpyHeader.read(in, name);
        NdArray a = RawArrayReader.read(in, h.type, h.order, h.shape, h.fortranOrder, null, name);
        return new Typed(a, h.type.numpyName());
    }

    /** Writes '<f4' (or '<f8' when the array is float64), C order, format 1.0, atomically. */
    public static void write(Path file, NdArray array) {
        byte[] header = header(array);
        AtomicFiles.write(file, channel -> writeTo(channel, header, array));
    }

    static byte[] header(NdArray array) {
        StringBuilder shape = new StringBuilder("(");
        long[] s = array.shape();
        for (int i = 0; i < s.length; i++) {
            shape.append(s[i]);
            if (s.length == 1 || i < s.length - 1) shape.append(s.length == 1 ? "," : ", ");
        }
        shape.append(')');
        String dict = "{'descr': '" + (array.isDouble() ? "<f8" : "<f4") + "', 'fortran_order': False, 'shape': " + shape + ", }";
        // Pad with spaces and a newline so that the data starts on a 64-byte boundary, as numpy does.
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String padded = dict + " ".repeat(pad) + "\n";
        if (padded.length() > 0xffff) throw new IllegalArgumentException("npy header too long for version 1.0");
        ByteBuffer b = ByteBuffer.allocate(10 + padded.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NpyHeader.MAGIC).put((byte) 1).put((byte) 0).putShort((short) padded.length());
        b.put(padded.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    private static void writeTo(FileChannel channel, byte[] header, NdArray array) throws IOException {
        channel.write(ByteBuffer.wrap(header));
        ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        int n = array.size();
        if (array.isDouble()) {
            double[] d = array.doubles();
            for (int i = 0; i < n; i++) {
                if (buf.remaining() < 8) flush(channel, buf);
                buf.putDouble(d[i]);
            }
        } else {
            float[] f = array.floats();
            for (int i = 0; i < n; i++) {
                if (buf.remaining() < 4) flush(channel, buf);
                buf.putFloat(f[i]);
            }
        }
        flush(channel, buf);
    }

    private static void flush(FileChannel channel, ByteBuffer buf) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) channel.write(buf);
        buf.clear();
    }
}
