package org.medino.eval;

/**
 * The nearest indexed rows of each query, nearest first: the one result every kNN-style protocol
 * here shares, so that one search can serve several k.
 *
 * @param index row-major [queries, m]: row numbers into the indexed (train) set
 * @param similarity row-major [queries, m]: cosine similarity of the query to that row, descending
 * @param queries number of query rows
 * @param m neighbours kept per query
 */
public record Neighbors(int[] index, float[] similarity, int queries, int m) {
    public Neighbors {
        if (index.length != (long) queries * m || similarity.length != index.length) {
            throw new IllegalArgumentException(queries + " queries of " + m + " neighbours need " + (long) queries * m + " entries");
        }
    }

    /** Row number of the j-th nearest indexed row of query q (j = 0 is the nearest). */
    public int index(int q, int j) {
        return index[q * m + j];
    }

    /** Cosine similarity of query q to its j-th nearest indexed row. */
    public float similarity(int q, int j) {
        return similarity[q * m + j];
    }
}
