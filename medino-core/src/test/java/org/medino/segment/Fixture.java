package org.medino.segment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;

/** A parity fixture written by make_segment_parity.py, and float comparison with a tolerance. */
public final class Fixture {
    private final Safetensors.Contents contents;

    private Fixture(Safetensors.Contents contents) {
        this.contents = contents;
    }

    public static Fixture load(String name) {
        try {
            Path path = Path.of(Fixture.class.getResource("/org/medino/segment/" + name).toURI());
            return new Fixture(Safetensors.readWithMetadata(path));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public HostTensor host(String key) {
        HostTensor t = contents.tensors().get(key);
        if (t == null) {
            throw new IllegalArgumentException("fixture has no " + key);
        }
        return t;
    }

    public NDArray array(String key, NDManager manager) {
        HostTensor t = host(key);
        return manager.create(t.toFloats(), new Shape(t.shape()));
    }

    public boolean has(String key) {
        return contents.tensors().containsKey(key);
    }

    public String metadata(String key) {
        return contents.metadata().get(key);
    }

    /** Entries under {@code prefix}, with the prefix removed. */
    public Map<String, HostTensor> under(String prefix) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        contents.tensors().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** |actual − expected| ≤ tol·(1 + |expected|) everywhere, shapes equal. */
    public static void assertClose(String what, NDArray actual, HostTensor expected, double tol) {
        assertClose(what, actual, expected, tol, false);
    }

    /**
     * |actual − expected| ≤ tol·(1 + max|expected|) everywhere: for weight gradients, which sum
     * thousands of terms of both signs, so that float32 rounding (different summation orders in
     * torch 1.13 and libtorch 2.7.1) is relative to the tensor's scale, not to each small entry.
     * PyTorch itself differs from its float64 result by ~1e-4 per entry on these fixtures.
     */
    public static void assertCloseToScale(String what, NDArray actual, HostTensor expected, double tol) {
        assertClose(what, actual, expected, tol, true);
    }

    private static void assertClose(String what, NDArray actual, HostTensor expected, double tol, boolean toScale) {
        assertThat(actual.getShape().getShape()).as(what + " shape").containsExactly(expected.shape());
        float[] a = actual.toFloatArray();
        float[] e = expected.toFloats();
        double scale = 0;
        for (float v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        int at = -1;
        for (int i = 0; i < a.length; i++) {
            double err = Math.abs(a[i] - e[i]) / (1 + (toScale ? scale : Math.abs(e[i])));
            if (!(err <= worst)) {
                worst = err;
                at = i;
            }
        }
        assertThat(worst).as(what + ": worst relative error at " + at
                + (at >= 0 ? " (" + a[at] + " vs " + e[at] + ")" : "")).isLessThanOrEqualTo(tol);
    }
}
