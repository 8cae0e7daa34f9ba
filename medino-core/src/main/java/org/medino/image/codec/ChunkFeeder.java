package org.medino.image.codec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.medino.MedinoException;

/**
 * Hands out consecutive fixed-size chunks of a stream, reading the next chunk on a background
 * thread while the caller converts the current one. For a gzipped volume, inflating and
 * converting then overlap, and reading takes about as long as inflating alone.
 */
final class ChunkFeeder implements AutoCloseable {
    private final InputStream in;
    private final long totalBytes;
    private final int chunkBytes;
    private final Path file;
    private final ExecutorService reader;
    private byte[] current;
    private byte[] spare;
    private Future<Integer> pending;
    private long handedOut;
    private long requested;

    ChunkFeeder(InputStream in, long totalBytes, int chunkBytes, Path file) {
        this.in = in;
        this.totalBytes = totalBytes;
        this.chunkBytes = chunkBytes;
        this.file = file;
        this.current = new byte[chunkBytes];
        boolean background = totalBytes > chunkBytes;
        this.spare = background ? new byte[chunkBytes] : null;
        this.reader = background
                ? Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "medino-read-ahead");
                    t.setDaemon(true);
                    return t;
                })
                : null;
        if (background) schedule();
    }

    private void schedule() {
        int len = (int) Math.min(chunkBytes, totalBytes - requested);
        byte[] target = spare;
        requested += len;
        pending = reader.submit(() -> in.readNBytes(target, 0, len));
    }

    /** The next chunk (valid bytes: min(chunkBytes, what remains)); the array is reused later. */
    byte[] next() throws IOException {
        int len = (int) Math.min(chunkBytes, totalBytes - handedOut);
        int got;
        if (reader == null) {
            got = in.readNBytes(current, 0, len);
        } else {
            try {
                got = pending.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MedinoException(file + ": interrupted while reading", e);
            }
            byte[] filled = spare;
            spare = current;
            current = filled;
            if (requested < totalBytes && got == len) schedule();
        }
        if (got < len) {
            throw new MedinoException(file + ": data truncated: " + (handedOut + got) + " of " + totalBytes + " bytes present");
        }
        handedOut += len;
        return current;
    }

    @Override
    public void close() {
        if (reader != null) reader.shutdownNow();
    }
}
