package org.medino.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Reference values computed by nibabel / numpy / Pillow at development time
 * (fixtures/make_expected.py), read back for the tests: no Python is needed to run them.
 */
public final class Expected {
    private static final Properties PROPS = new Properties();
    private static final Path ROOT;

    static {
        try (InputStream in = Expected.class.getResourceAsStream("/fixtures/expected.properties")) {
            PROPS.load(in);
            ROOT = Path.of(Expected.class.getResource("/fixtures/expected.properties").toURI()).getParent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Expected() {}

    /** Case names with a given prefix (value cases, or error cases when {@code errors}). */
    public static List<String> cases(String prefix, boolean errors) {
        return PROPS.stringPropertyNames().stream()
                .filter(k -> k.endsWith(".file"))
                .map(k -> k.substring(0, k.length() - 5))
                .filter(c -> c.startsWith(prefix))
                .filter(c -> PROPS.containsKey(c + ".error") == errors)
                .sorted()
                .collect(Collectors.toList());
    }

    public static Path file(String c) {
        return ROOT.resolve(get(c, "file"));
    }

    public static String get(String c, String key) {
        String v = PROPS.getProperty(c + "." + key);
        if (v == null) throw new IllegalArgumentException("no " + c + "." + key);
        return v;
    }

    public static boolean has(String c, String key) {
        return PROPS.containsKey(c + "." + key);
    }

    public static double[] doubles(String c, String key) {
        return Arrays.stream(get(c, key).split(",")).filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble).toArray();
    }

    public static long[] shape(String c) {
        return Arrays.stream(get(c, "shape").split(",")).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    }

    /** Checks shape and values (every stride-th value, plus the sums) within {@code tol} (0: exact, NaN matches NaN). */
    public static void assertValues(String c, NdArray actual, double tol) {
        assertThat(actual.shape()).as(c + " shape").containsExactly(shape(c));
        int stride = Integer.parseInt(get(c, "stride"));
        double[] want = readF64(c);
        assertThat(want.length).isEqualTo((actual.size() + stride - 1) / stride);
        int bad = 0;
        String first = null;
        for (int k = 0; k < want.length; k++) {
            double a = actual.get(k * stride);
            double w = want[k];
            boolean ok = Double.isNaN(w) ? Double.isNaN(a) : (tol == 0 ? a == w : Math.abs(a - w) <= tol);
            if (!ok) {
                bad++;
                if (first == null) first = "index " + (k * stride) + ": expected " + w + " got " + a;
            }
        }
        assertThat(bad).as(c + " mismatches (" + first + ")").isZero();
        double sum = 0;
        for (int i = 0; i < actual.size(); i++) {
            double v = actual.get(i);
            if (!Double.isNaN(v)) sum += v;
        }
        double wantSum = Double.parseDouble(get(c, "sum"));
        assertThat(sum).as(c + " sum").isCloseTo(wantSum, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(wantSum)) + tol * actual.size()));
    }

    private static double[] readF64(String c) {
        try {
            byte[] b = Files.readAllBytes(ROOT.resolve("expected").resolve(c + ".f64"));
            double[] d = new double[b.length / 8];
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(d);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
