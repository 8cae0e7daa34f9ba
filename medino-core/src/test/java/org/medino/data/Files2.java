package org.medino.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.medino.MedinoException;

/** Small helpers to lay out test trees and a fake image probe. */
final class Files2 {
    private Files2() {}

    /** Creates {@code dir/relative} (and its folders) with a few bytes in it; returns its path. */
    static Path touch(Path dir, String relative) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.write(p, new byte[] {1, 2, 3});
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes UTF-8 text exactly as given (no BOM, line endings as in the string). */
    static Path write(Path file, String text) {
        return writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path writeBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A probe that knows shapes by file name; a file it does not know is unreadable, as a reader
     * would say for a corrupt file.
     */
    static final class FakeProbe implements ImageProbe {
        final Map<String, long[]> shapes = new HashMap<>();
        int calls;

        FakeProbe shape(String fileName, long... shape) {
            shapes.put(fileName, shape);
            return this;
        }

        @Override
        public long[] shape(Path file) {
            calls++;
            long[] s = shapes.get(file.getFileName().toString());
            if (s == null) throw new MedinoException(file + ": not a PNG file (bad signature)");
            return s.clone();
        }
    }
}
