package org.medino.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the plain-text fixtures written by {@code segmentation/make_segmentation_metrics.py}:
 * blocks of {@code key values…} lines from {@code case NAME} to {@code end}, label maps run-length
 * encoded as {@code value:count}. Text rather than JSON keeps the tests free of a parser dependency.
 */
final class ReferenceFixtures {
    private ReferenceFixtures() {}

    /** One {@code case … end} block: every key maps to its lines' value strings (keys may repeat). */
    record Block(String name, Map<String, List<String[]>> lines) {
        String[] one(String key) {
            List<String[]> l = lines.get(key);
            if (l == null || l.size() != 1) {
                throw new IllegalStateException(name + ": expected one '" + key + "' line");
            }
            return l.get(0);
        }

        List<String[]> all(String key) {
            return lines.getOrDefault(key, List.of());
        }

        int[] ints(String key) {
            String[] v = one(key);
            int[] out = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = Integer.parseInt(v[i]);
            }
            return out;
        }

        double[] doubles(String key) {
            return parseDoubles(one(key));
        }

        int[] runLength(String key, int size) {
            int[] out = new int[size];
            int at = 0;
            for (String run : one(key)) {
                int colon = run.indexOf(':');
                int value = Integer.parseInt(run.substring(0, colon));
                int count = Integer.parseInt(run.substring(colon + 1));
                java.util.Arrays.fill(out, at, at + count, value);
                at += count;
            }
            if (at != size) {
                throw new IllegalStateException(name + ": '" + key + "' has " + at + " values, expected " + size);
            }
            return out;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The case blocks of a fixture, plus lines outside blocks under the name "" (e.g. summary). */
    static List<Block> read(String resource) {
        List<Block> blocks = new ArrayList<>();
        Map<String, List<String[]>> outside = new LinkedHashMap<>();
        try (InputStream in = ReferenceFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String name = null;
            Map<String, List<String[]>> current = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                String key = parts[0];
                String[] values = java.util.Arrays.copyOfRange(parts, 1, parts.length);
                if (key.equals("case")) {
                    name = values[0];
                    current = new LinkedHashMap<>();
                } else if (key.equals("end")) {
                    blocks.add(new Block(name, current));
                    current = null;
                } else {
                    (current != null ? current : outside).computeIfAbsent(key, k -> new ArrayList<>()).add(values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        blocks.add(new Block("", outside));
        return blocks;
    }

    static double[] parseDoubles(String[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.parseDouble(v[i]);
        }
        return out;
    }

    static int product(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }
}
