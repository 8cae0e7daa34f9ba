package org.medino.checkpoint.hub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks downloaded bytes against the ETag they are stored under. The hub's ETag of an LFS file
 * is the sha256 of its content and that of a plain git file is its git blob id, the sha1 of
 * "blob {size}\0" followed by the content; any other ETag only allows a size check.
 */
final class BlobDigest {

    private final String etag;
    private final long expectedSize;
    private final MessageDigest digest;

    private BlobDigest(String etag, long expectedSize, MessageDigest digest) {
        this.etag = etag;
        this.expectedSize = expectedSize;
        this.digest = digest;
    }

    static BlobDigest forEtag(String etag, long expectedSize) {
        if (etag.matches("[0-9a-f]{64}")) {
            return new BlobDigest(etag, expectedSize, algorithm("SHA-256"));
        }
        if (etag.matches("[0-9a-f]{40}")) {
            MessageDigest sha1 = algorithm("SHA-1");
            // A size mismatch is reported before the hash, so hashing the expected size here is safe.
            sha1.update(("blob " + expectedSize + "\0").getBytes(StandardCharsets.US_ASCII));
            return new BlobDigest(etag, expectedSize, sha1);
        }
        return new BlobDigest(etag, expectedSize, null);
    }

    void update(byte[] bytes, int offset, int length) {
        if (digest != null) {
            digest.update(bytes, offset, length);
        }
    }

    /** What is wrong with the content hashed so far, if anything. */
    Optional<String> mismatch(long actualSize) {
        if (actualSize != expectedSize) {
            return Optional.of("got " + actualSize + " bytes, expected " + expectedSize);
        }
        if (digest == null) {
            return Optional.empty();
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        return actual.equals(etag)
                ? Optional.empty()
                : Optional.of(digest.getAlgorithm() + " is " + actual + ", expected " + etag);
    }

    private static MessageDigest algorithm(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + name, e);
        }
    }
}
