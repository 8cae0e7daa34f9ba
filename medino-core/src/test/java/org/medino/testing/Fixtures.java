package org.medino.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Locates the test resources (copied from the project's shared fixtures) on disk. Other modules
 * get them inside medino-core's test jar; those are copied out once to a temporary folder.
 */
public final class Fixtures {
    private static Path extracted;

    private Fixtures() {}

    /** The folder of a parity model: {@code vits14-style} or {@code vitg14-reg-style}. */
    public static Path parityModel(String name) {
        return resource("fixtures/dinov2-parity/" + name);
    }

    public static synchronized Path resource(String path) {
        URL url = Fixtures.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return Path.of(uri);
            }
            if (extracted == null) {
                extracted = extract(URI.create(uri.toString().substring(0, uri.toString().indexOf("!/") + 2)));
            }
            return extracted.resolve(path);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot locate test resource " + path, e);
        }
    }

    /** Copies the jar's resources (everything but classes) to a temporary folder. */
    private static Path extract(URI jarRoot) throws IOException {
        Path target = Files.createTempDirectory("medino-fixtures");
        FileSystem fs;
        try {
            fs = FileSystems.newFileSystem(jarRoot, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            fs = FileSystems.getFileSystem(jarRoot);
        }
        try (Stream<Path> files = Files.walk(fs.getPath("/"))) {
            files.filter(p -> !p.toString().endsWith(".class") && !p.toString().startsWith("/META-INF")).forEach(p -> {
                Path out = target.resolve(p.toString().substring(1));
                try {
                    if (Files.isDirectory(p)) Files.createDirectories(out);
                    else Files.copy(p, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        target.toFile().deleteOnExit();
        return target;
    }
}
