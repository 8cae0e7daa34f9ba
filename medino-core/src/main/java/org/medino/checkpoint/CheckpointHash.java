package org.medino.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.medino.MedinoException;

/**
 * A fingerprint of a checkpoint's weights, so that features made by different weights are never
 * compared: the sha256 of a file, or for a folder the sha256 over its config and weight files'
 * names and digests, in name order.
 */
public final class CheckpointHash {
    private CheckpointHash() {}

    public static String sha256(Path checkpoint) {
        try {
            if (!Files.isDirectory(checkpoint)) {
                return HexFormat.of().formatHex(digest(checkpoint));
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(checkpoint)) {
                files = list.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.equals("config.json") || n.endsWith(".safetensors") || n.endsWith(".bin")
                            || n.endsWith(".pth") || n.equals("model.safetensors.index.json");
                }).sorted().toList();
            }
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                all.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                all.update(digest(f));
            }
            return HexFormat.of().formatHex(all.digest());
        } catch (IOException e) {
            throw new MedinoException(checkpoint + ": cannot read to fingerprint it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] digest(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return md.digest();
    }
}
