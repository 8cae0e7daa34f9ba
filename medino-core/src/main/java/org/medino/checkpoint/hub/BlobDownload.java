package org.medino.checkpoint.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.medino.MedinoException;

/**
 * Downloads one file into blobs/{etag}: the bytes go to blobs/{etag}.incomplete, which a later
 * run resumes with a Range request, and are hashed on the way, so that even a multi-GB file is
 * never held in memory nor read twice. Only verified content becomes the blob.
 */
final class BlobDownload {

    private static final int CHUNK = 1 << 16;

    private final HubHttp http;

    BlobDownload(HubHttp http) {
        this.http = http;
    }

    void download(HubHttp.FileRef file, RemoteFile remote, Path blob, ProgressListener listener) {
        Path partial = blob.resolveSibling(blob.getFileName() + ".incomplete");
        long offset = usablePartialLength(partial, remote.size());
        HttpResponse<InputStream> response = null;
        if (offset < remote.size()) {
            response = http.get(file, remote.location(), offset);
            if (response.statusCode() == 416 || (response.statusCode() == 206 && !rangeStartsAt(response, offset))) {
                // The partial file does not fit the server's idea of this content: start over.
                HubHttp.closeQuietly(response.body());
                offset = 0;
                response = http.get(file, remote.location(), 0);
            } else if (response.statusCode() == 200) {
                offset = 0; // the server ignored the Range header and sends the whole file
            }
        }
        BlobDigest digest = BlobDigest.forEtag(remote.etag(), remote.size());
        long length = offset;
        try (OutputStream out = open(partial, offset)) {
            if (offset > 0) {
                hashPrefix(partial, offset, digest);
            }
            if (response != null) {
                length = copy(file, response, out, offset, remote.size(), digest, listener);
            }
        } catch (IOException e) {
            throw HfCache.cannotWrite(partial, e);
        }
        digest.mismatch(length).ifPresent(problem -> {
            deleteQuietly(partial);
            throw new MedinoException(file.label() + ": the downloaded content is corrupt (" + problem
                    + "); the partial download was deleted, run the command again");
        });
        try {
            HfCache.moveReplacing(partial, blob);
        } catch (IOException e) {
            throw HfCache.cannotWrite(blob, e);
        }
    }

    /** What can be kept of an earlier attempt; a partial file longer than the content is useless. */
    private static long usablePartialLength(Path partial, long size) {
        try {
            if (!Files.isRegularFile(partial)) {
                return 0;
            }
            long length = Files.size(partial);
            if (length > size) {
                Files.delete(partial);
                return 0;
            }
            return length;
        } catch (IOException e) {
            throw HfCache.cannotWrite(partial, e);
        }
    }

    private static boolean rangeStartsAt(HttpResponse<?> response, long offset) {
        return response.headers().firstValue("Content-Range")
                .filter(range -> range.strip().startsWith("bytes " + offset + "-"))
                .isPresent();
    }

    private static OutputStream open(Path partial, long offset) throws IOException {
        Files.createDirectories(partial.getParent());
        return offset > 0
                ? Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
    }

    /** The kept bytes must be in the hash too, as they are part of the content. */
    private static void hashPrefix(Path partial, long offset, BlobDigest digest) throws IOException {
        byte[] buffer = new byte[CHUNK];
        long remaining = offset;
        try (InputStream in = Files.newInputStream(partial)) {
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new IOException("the partial file shrank while being read");
                }
                digest.update(buffer, 0, n);
                remaining -= n;
            }
        }
    }

    /** Appends the body to the partial file; returns the partial file's new length. */
    private long copy(HubHttp.FileRef file, HttpResponse<InputStream> response, OutputStream out, long offset,
            long size, BlobDigest digest, ProgressListener listener) throws IOException {
        byte[] buffer = new byte[CHUNK];
        long done = offset;
        listener.progress(file.filename(), done, size);
        try (InputStream in = response.body()) {
            int n;
            // Stop past the expected size: a misbehaving server must not fill the disk.
            while (done <= size && (n = read(file, response, in, buffer)) >= 0) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                done += n;
                listener.progress(file.filename(), done, size);
            }
        }
        return done;
    }

    /** A read failure is a broken connection, not a cache problem: the partial file stays for a resume. */
    private int read(HubHttp.FileRef file, HttpResponse<?> response, InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new MedinoException(file.label() + ": the download from " + http.origin(response.uri())
                    + " broke off (" + e + "); run the command again to resume it", e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // The file is corrupt either way, and the next attempt overwrites it when it can.
        }
    }
}
