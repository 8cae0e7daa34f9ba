package org.medino.image.dicom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The test files and the values pydicom gave for them (written by make_expected.py). */
final class Expected {
    static final Path DIR;
    static final JsonNode INDEX;

    static {
        try {
            DIR = Path.of(Expected.class.getResource("/dicom/index.json").toURI()).getParent();
            INDEX = new ObjectMapper().readTree(DIR.resolve("index.json").toFile());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Expected() {}

    static Path file(String name) {
        return DIR.resolve(name);
    }

    /** A gzipped raw little-endian float64 array. */
    static double[] values(String bin) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DIR.resolve(bin)))) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            double[] out = new double[b.capacity() / 8];
            for (int i = 0; i < out.length; i++) out[i] = b.getDouble(i * 8);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exact equality, reporting the first difference (AssertJ's array diff is slow on large arrays). */
    static void assertSameValues(String what, double[] actual, double[] expected) {
        org.assertj.core.api.Assertions.assertThat(actual.length).as(what + " length").isEqualTo(expected.length);
        int i = java.util.Arrays.mismatch(actual, expected);
        if (i >= 0) {
            org.assertj.core.api.Assertions.fail(what + ": value " + i + " is " + actual[i] + ", expected " + expected[i]);
        }
    }

    static long[] shape(JsonNode node) {
        long[] s = new long[node.size()];
        for (int i = 0; i < s.length; i++) s[i] = node.get(i).asLong();
        return s;
    }
}
