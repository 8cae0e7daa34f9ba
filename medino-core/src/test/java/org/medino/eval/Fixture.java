package org.medino.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Arrays written by make_expected.py: one per line, "name v1 v2 ...". */
final class Fixture {
    private final Map<String, double[]> arrays = new HashMap<>();

    Fixture(String resource) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Fixture.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] parts = line.trim().split(" ");
                double[] values = new double[parts.length - 1];
                for (int i = 1; i < parts.length; i++) values[i - 1] = Double.parseDouble(parts[i]);
                arrays.put(parts[0], values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double[] get(String name) {
        double[] a = arrays.get(name);
        if (a == null) throw new IllegalArgumentException("no array " + name);
        return a;
    }

    float[] floats(String name) {
        double[] a = get(name);
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        return f;
    }

    int[] ints(String name) {
        double[] a = get(name);
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (int) a[i];
        return out;
    }

    static String[] ids(int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) ids[i] = "s" + i;
        return ids;
    }

    static String[] names(int k) {
        String[] names = new String[k];
        for (int i = 0; i < k; i++) names[i] = "c" + i;
        return names;
    }
}
