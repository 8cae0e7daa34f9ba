package org.medino.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Reference arrays written by src/test/resources/transform/make_expected.py (numpy, torch, scipy, nibabel). */
final class Ref {
    private static Map<String, String[]> index;

    private Ref() {}

    private static synchronized Map<String, String[]> index() {
        if (index == null) {
            index = new HashMap<>();
            for (String line : new String(bytes("index.txt"), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.trim().split(" ");
                index.put(f[0], f);
            }
        }
        return index;
    }

    static int[] shape(String name) {
        String[] f = entry(name);
        return Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
    }

    static float[] floats(String name) {
        String[] f = entry(name);
        if (!f[1].equals("f4")) throw new IllegalArgumentException(name + " is " + f[1]);
        ByteBuffer b = ByteBuffer.wrap(bytes(name + ".bin")).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    static double[] doubles(String name) {
        String[] f = entry(name);
        if (!f[1].equals("f8")) throw new IllegalArgumentException(name + " is " + f[1]);
        ByteBuffer b = ByteBuffer.wrap(bytes(name + ".bin")).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }

    static double[][] matrix4(String name) {
        double[] d = doubles(name);
        double[][] m = new double[4][4];
        for (int i = 0; i < 16; i++) m[i / 4][i % 4] = d[i];
        return m;
    }

    static TypedImage image(String name) {
        return TypedImage.of(ImageKind.IMAGE, floats(name), shape(name), null, null);
    }

    static TypedImage labels(String name) {
        return TypedImage.of(ImageKind.LABEL_MAP, floats(name), shape(name), null, null);
    }

    private static String[] entry(String name) {
        String[] f = index().get(name);
        if (f == null) throw new IllegalArgumentException("no reference array " + name);
        return f;
    }

    private static byte[] bytes(String file) {
        try (InputStream in = Ref.class.getResourceAsStream("/transform/" + file)) {
            if (in == null) throw new IllegalStateException("missing test resource transform/" + file);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Largest |a − b|; the lengths must match. */
    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs((double) a[i] - b[i]));
        return m;
    }

    static double maxAbsDiff(double[][] a, double[][] b) {
        double m = 0;
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
        return m;
    }

    /** Prints the measured difference so the report can quote it. */
    static double report(String what, double diff) {
        System.out.printf("[max diff] %-45s %.3g%n", what, diff);
        return diff;
    }
}
