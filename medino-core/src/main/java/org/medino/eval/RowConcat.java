package org.medino.eval;

import java.util.Arrays;

/**
 * The first {@code na} values of {@code a} followed by the first {@code nb} of {@code b}: how a
 * feature set's row-major arrays are joined (train + val), one overload per element type.
 */
final class RowConcat {
    private RowConcat() {}

    static float[] of(float[] a, int na, float[] b, int nb) {
        float[] out = Arrays.copyOf(a, na + nb);
        System.arraycopy(b, 0, out, na, nb);
        return out;
    }

    static int[] of(int[] a, int na, int[] b, int nb) {
        int[] out = Arrays.copyOf(a, na + nb);
        System.arraycopy(b, 0, out, na, nb);
        return out;
    }

    static byte[] of(byte[] a, int na, byte[] b, int nb) {
        byte[] out = Arrays.copyOf(a, na + nb);
        System.arraycopy(b, 0, out, na, nb);
        return out;
    }

    static String[] of(String[] a, int na, String[] b, int nb) {
        String[] out = Arrays.copyOf(a, na + nb);
        System.arraycopy(b, 0, out, na, nb);
        return out;
    }
}
