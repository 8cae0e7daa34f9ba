package org.medino.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * The files in src/test/resources/pth (made by make_fixtures.py there) and the formulas that
 * script built their tensors from, recomputed here.
 */
final class Fixtures {
    private Fixtures() {}

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/pth/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** make_fixtures.py's ramp: (i - 6) * 0.25, exact in every float type. */
    static float[] ramp(int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (i - 6) * 0.25f;
        }
        return out;
    }

    /** The bytes of the entry whose name ends with {@code suffix}, read with the JDK's zip. */
    static ByteBuffer zipEntry(Path file, String suffix) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var entry = zip.stream().filter(e -> e.getName().endsWith(suffix)).findFirst().orElseThrow();
            return ByteBuffer.wrap(zip.getInputStream(entry).readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<Object, Object>) value;
    }

    static HostTensor tensor(Object value) {
        assertThat(value).isInstanceOf(HostTensor.class);
        return (HostTensor) value;
    }

    /** Asserts type, shape and values (compared as float32, exact for every fixture). */
    static void assertTensor(Object value, DType dtype, long[] shape, float[] expected) {
        HostTensor t = tensor(value);
        assertThat(t.dtype()).isEqualTo(dtype);
        assertThat(t.shape()).containsExactly(shape);
        assertThat(t.toFloats()).containsExactly(expected);
    }
}
