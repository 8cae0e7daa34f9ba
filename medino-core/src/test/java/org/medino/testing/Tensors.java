package org.medino.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.medino.checkpoint.HostTensor;

/** Small helpers to build variants of real state dicts in tests. */
public final class Tensors {
    private Tensors() {}

    /** A copy of {@code tensors} with every key renamed by {@code rename}. */
    public static Map<String, HostTensor> renamed(Map<String, HostTensor> tensors, UnaryOperator<String> rename) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> out.put(rename.apply(k), v));
        return out;
    }

    public static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            if (Float.isNaN(a[i]) != Float.isNaN(b[i])) {
                return Double.POSITIVE_INFINITY;
            }
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }
}
