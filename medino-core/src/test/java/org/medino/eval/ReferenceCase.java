package org.medino.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Properties;

/** One case written by make_expected.py: meta.properties plus little-endian raw arrays. */
final class ReferenceCase {
    final String name;
    final Properties meta = new Properties();

    ReferenceCase(String name) {
        this.name = name;
        try (InputStream in = stream("meta.properties")) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int integer(String key) {
        return Integer.parseInt(meta.getProperty(key));
    }

    double real(String key) {
        return Double.parseDouble(meta.getProperty(key));
    }

    int[] ints(String key) {
        return Arrays.stream(meta.getProperty(key).split(",")).mapToInt(Integer::parseInt).toArray();
    }

    float[] f32(String file) {
        ByteBuffer b = bytes(file + ".f32");
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    double[] f64(String file) {
        ByteBuffer b = bytes(file + ".f64");
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }

    int[] i32(String file) {
        ByteBuffer b = bytes(file + ".i32");
        int[] out = new int[b.remaining() / 4];
        b.asIntBuffer().get(out);
        return out;
    }

    byte[] u8(String file) {
        ByteBuffer b = bytes(file + ".u8");
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** Train set: single-label if train_y.i32 holds labels, multi-hot if it is train_y.u8. */
    LabeledFeatures train() {
        int n = integer("nTrain");
        int d = integer("d");
        String[] classes = classNames();
        boolean multi = getClass().getResource(path("train_y.u8")) != null;
        return new LabeledFeatures(ids("train", n), f32("train_x"), n, d,
                multi ? null : i32("train_y"), multi ? u8("train_y") : null, classes, null);
    }

    /** Test rows (their labels are irrelevant to the protocols; all zero). */
    LabeledFeatures test(boolean multiLabel) {
        int n = integer("nTest");
        String[] classes = classNames();
        return new LabeledFeatures(ids("test", n), f32("test_x"), n, integer("d"),
                multiLabel ? null : new int[n], multiLabel ? new byte[n * classes.length] : null, classes, null);
    }

    private String[] classNames() {
        String[] names = new String[integer("classes")];
        Arrays.setAll(names, i -> "c" + i);
        return names;
    }

    private static String[] ids(String prefix, int n) {
        String[] ids = new String[n];
        Arrays.setAll(ids, i -> prefix + i);
        return ids;
    }

    private String path(String file) {
        return "knn/" + name + "/" + file;
    }

    private InputStream stream(String file) {
        InputStream in = getClass().getResourceAsStream(path(file));
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path(file));
        }
        return in;
    }

    private ByteBuffer bytes(String file) {
        try (InputStream in = stream(file)) {
            return ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
