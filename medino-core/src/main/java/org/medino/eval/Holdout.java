package org.medino.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded held-out part of a training split, for choosing hyper-parameters when a dataset has
 * no validation split.
 *
 * <p>DINOv2's log_regression takes the first {@code n // 10} rows of a seeded random permutation.
 * We keep the 10 % and the seed, and add two things that matter for medical data:
 * <ul>
 *   <li>with patient ids, whole patients are held out (images of one patient on both sides would
 *       make the held-out score optimistic);</li>
 *   <li>otherwise, single-label data is stratified by class, so that rare classes are present in
 *       the held-out part (AUROC is undefined without positives).</li>
 * </ul>
 * Multi-label data without patient ids gets DINOv2's plain random draw.
 */
public final class Holdout {
    /** Row indices of the two parts, each in increasing order. */
    public record Split(int[] train, int[] held) {}

    private Holdout() {}

    /**
     * Splits {@code n} rows.
     *
     * @param labels single labels (for stratifying), or null
     * @param patientIds patient per row (for grouping), or null
     * @param fraction part to hold out, e.g. 0.1
     */
    public static Split split(int n, int[] labels, String[] patientIds, double fraction, long seed) {
        Random random = new Random(seed);
        boolean[] held = new boolean[n];
        if (patientIds != null) {
            Map<String, List<Integer>> byPatient = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) byPatient.computeIfAbsent(patientIds[i], p -> new ArrayList<>()).add(i);
            List<List<Integer>> groups = new ArrayList<>(byPatient.values());
            java.util.Collections.shuffle(groups, random);
            int target = (int) Math.round(n * fraction);
            int taken = 0;
            for (List<Integer> group : groups) {
                if (taken >= target) break;
                for (int i : group) held[i] = true;
                taken += group.size();
            }
        } else if (labels != null) {
            int classes = Arrays.stream(labels).max().orElse(-1) + 1;
            for (int c = 0; c < classes; c++) {
                final int cls = c;
                int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> labels[i] == cls).toArray();
                shuffle(rows, random);
                // at least one row of every class with 2+ rows, so each class is scored
                int take = (int) Math.round(rows.length * fraction);
                if (take == 0 && rows.length >= 2) take = 1;
                for (int r = 0; r < take; r++) held[rows[r]] = true;
            }
        } else {
            int[] perm = java.util.stream.IntStream.range(0, n).toArray();
            shuffle(perm, random);
            for (int r = 0; r < (int) Math.floor(n * fraction); r++) held[perm[r]] = true;
        }
        int heldCount = 0;
        for (boolean h : held) if (h) heldCount++;
        int[] trainRows = new int[n - heldCount];
        int[] heldRows = new int[heldCount];
        for (int i = 0, t = 0, h = 0; i < n; i++) {
            if (held[i]) heldRows[h++] = i;
            else trainRows[t++] = i;
        }
        return new Split(trainRows, heldRows);
    }

    /** Fisher–Yates with the given generator (seeded, hence reproducible). */
    static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
