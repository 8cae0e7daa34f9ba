package org.medino.eval;

import java.util.Random;

/**
 * Where the rows of each training batch come from.
 *
 * <p>{@link #shuffled} mirrors DINOv2's infinite sampler: an endless stream of seeded random
 * permutations of the rows, cut into batches of a fixed size, so a batch may span two passes and
 * every batch is full (like {@code drop_last=True}). Tests give a fixed order instead.
 */
interface BatchSource {
    /** The rows of the next batch. */
    int[] next();

    /** Endless seeded permutations of {@code n} rows, {@code batch} rows at a time. */
    static BatchSource shuffled(int n, int batch, long seed) {
        Random random = new Random(seed);
        return new BatchSource() {
            private int[] perm = new int[0];
            private int pos;

            @Override
            public int[] next() {
                int[] rows = new int[batch];
                for (int r = 0; r < batch; r++) {
                    if (pos == perm.length) {
                        perm = java.util.stream.IntStream.range(0, n).toArray();
                        Holdout.shuffle(perm, random);
                        pos = 0;
                    }
                    rows[r] = perm[pos++];
                }
                return rows;
            }
        };
    }

    /** Consecutive batches of a given row stream (its length must cover every batch). */
    static BatchSource fixed(int[] stream, int batch) {
        return new BatchSource() {
            private int pos;

            @Override
            public int[] next() {
                int[] rows = java.util.Arrays.copyOfRange(stream, pos, pos + batch);
                pos += batch;
                return rows;
            }
        };
    }
}
