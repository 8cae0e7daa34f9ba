package org.medino.image.codec;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.medino.MedinoException;

/** Opens files for the readers, decompressing gzip when the content (not the name) says so. */
public final class Inputs {
    private static final int BUFFER = 1 << 16;

    private Inputs() {}

    /** A stream over the file's bytes, gunzipped if the file starts with the gzip magic 1f 8b. */
    public static InputStream openMaybeGzip(Path file) {
        try {
            BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                try {
                    return new GZIPInputStream(in, BUFFER);
                } catch (IOException e) {
                    in.close();
                    throw new MedinoException(file + ": corrupt gzip header (" + e.getMessage() + ")", e);
                }
            }
            return in;
        } catch (NoSuchFileException e) {
            throw new MedinoException(file + ": no such file", e);
        } catch (IOException e) {
            throw new MedinoException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads exactly n bytes or fails naming what was being read. */
    public static byte[] readExactly(InputStream in, int n, Path file, String what) {
        try {
            byte[] b = in.readNBytes(n);
            if (b.length < n) {
                throw new MedinoException(file + ": truncated " + what + " (" + b.length + " of " + n + " bytes)");
            }
            return b;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new MedinoException(file + ": compressed data is corrupt or truncated while reading " + what + " (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new MedinoException(file + ": cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /** Skips exactly n bytes (skip() on a gzip stream may stop short, so loop on read). */
    public static void skipExactly(InputStream in, long n, Path file, String what) {
        try {
            long left = n;
            while (left > 0) {
                long s = in.skip(left);
                if (s <= 0) {
                    if (in.read() < 0) throw new MedinoException(file + ": truncated " + what);
                    s = 1;
                }
                left -= s;
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new MedinoException(file + ": compressed data is corrupt or truncated while reading " + what + " (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new MedinoException(file + ": cannot read " + what + ": " + e.getMessage(), e);
        }
    }
}
