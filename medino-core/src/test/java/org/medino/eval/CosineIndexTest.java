package org.medino.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CosineIndexTest {

    @Test
    void agreesWithBruteForceInDoubleAcrossBlockBoundaries() {
        Random random = new Random(11);
        int n = 157;
        int d = 20;
        int q = 45;
        float[] x = gaussian(random, n * d);
        float[] queries = gaussian(random, q * d);
        Neighbors blocked;
        Neighbors whole;
        try (CosineIndex small = new CosineIndex(x, n, d, 7); CosineIndex index = new CosineIndex(x, n, d)) {
            blocked = small.search(queries, q, 12);
            whole = index.search(queries, q, 12);
        }
        assertThat(blocked.index()).containsExactly(whole.index());
        for (int r = 0; r < q; r++) {
            double[] sims = new double[n];
            for (int i = 0; i < n; i++) {
                sims[i] = cosine(queries, r, x, i, d);
            }
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(i -> -sims[i]));
            for (int j = 0; j < 12; j++) {
                // Random Gaussian data: no near ties at this size (checked by the equality below).
                assertThat(blocked.index(r, j)).isEqualTo(order[j]);
                assertThat((double) blocked.similarity(r, j)).isCloseTo(sims[order[j]], within(1e-5));
            }
        }
    }

    @Test
    void clampsMToTheNumberOfRows() {
        float[] x = {1, 0, 0, 1, 1, 1};
        try (CosineIndex index = new CosineIndex(x, 3, 2)) {
            Neighbors nb = index.search(new float[] {1, 0.1f}, 1, 10);
            assertThat(nb.m()).isEqualTo(3);
            assertThat(nb.index()).containsExactly(0, 2, 1);
            Neighbors self = index.searchExcludingSelf(10);
            assertThat(self.m()).isEqualTo(2);
            for (int r = 0; r < 3; r++) {
                assertThat(new int[] {self.index(r, 0), self.index(r, 1)}).doesNotContain(r);
            }
        }
    }

    @Test
    void leaveOneOutDropsTheRowButKeepsDuplicates() {
        Random random = new Random(5);
        int n = 40;
        int d = 6;
        float[] x = gaussian(random, n * d);
        System.arraycopy(x, 0, x, 3 * d, d); // row 3 duplicates row 0
        try (CosineIndex index = new CosineIndex(x, n, d, 9)) {
            Neighbors loo = index.searchExcludingSelf(5);
            Neighbors plain = index.search(x, n, 6);
            assertThat(loo.index(0, 0)).isEqualTo(3);
            assertThat(loo.index(3, 0)).isEqualTo(0);
            for (int r = 0; r < n; r++) {
                int row = r;
                int[] expected = IntStream.range(0, 6).map(j -> plain.index(row, j)).filter(i -> i != row).limit(5).toArray();
                int[] got = IntStream.range(0, 5).map(j -> loo.index(row, j)).toArray();
                if (r != 0 && r != 3) {
                    assertThat(got).containsExactly(expected);
                } else {
                    assertThat(got).containsExactlyInAnyOrder(expected);
                }
            }
        }
    }

    @Test
    void zeroRowsHaveSimilarityZero() {
        try (CosineIndex index = new CosineIndex(new float[] {0, 0, 3, 4}, 2, 2)) {
            Neighbors nb = index.search(new float[] {-3, -4}, 1, 2);
            assertThat(nb.index()).containsExactly(0, 1);
            assertThat(nb.similarity()).containsExactly(new float[] {0f, -1f}, within(1e-6f));
        }
    }

    static float[] gaussian(Random random, int count) {
        float[] a = new float[count];
        for (int i = 0; i < count; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }

    private static double cosine(float[] a, int ra, float[] b, int rb, int d) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < d; k++) {
            double u = a[ra * d + k];
            double v = b[rb * d + k];
            dot += u * v;
            na += u * u;
            nb += v * v;
        }
        return dot / Math.sqrt(na * nb);
    }
}
