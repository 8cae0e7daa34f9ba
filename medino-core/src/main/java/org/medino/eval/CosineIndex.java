package org.medino.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.medino.MedinoException;

/**
 * Exact cosine-similarity nearest-neighbour search over a fixed set of rows, on libtorch.
 *
 * <p>Rows are L2-normalized once (as {@code torch.nn.functional.normalize}: x / max(‖x‖, 1e-12), so a
 * zero row stays zero and has similarity 0 to everything) and kept in native memory. Queries are
 * normalized the same way and processed in blocks: one block's similarities are a single matrix
 * product [block, d] × [d, n] followed by {@code topk}, exactly the operations of DINOv2's
 * {@code KnnModule}. The block is sized so the [block, n] similarity matrix stays near 256 MB,
 * which keeps 10 000 queries against 100 000 rows of width 768 in a few hundred MB.
 *
 * <p>Ties: neighbours with exactly equal similarity come in the order libtorch's CPU {@code topk}
 * returns them, which is not specified (and not necessarily by row number). Results that depend on
 * the order of equal similarities (only when such a tie straddles a cut at k) are therefore not
 * reproducible across libtorch versions; the reference tests use data without such ties.
 *
 * <p>Not thread-safe; close it to free the native copy of the rows.
 */
public final class CosineIndex implements AutoCloseable {
    /** Similarity-matrix budget per block, in float entries (256 MB). */
    private static final long BLOCK_ENTRIES = 64L << 20;

    private final NDManager manager;
    /** The caller's raw rows (not copied): the leave-one-out search queries with them. */
    private final float[] x;
    /** Normalized rows, transposed: [d, n]. */
    private final NDArray rowsT;
    private final int n;
    private final int d;
    private final int blockRows;

    /**
     * Indexes the n rows of width d in {@code x} (row-major). The array is not copied and must not
     * change while the index is in use.
     */
    public CosineIndex(float[] x, int n, int d) {
        this(x, n, d, (int) Math.max(1, Math.min(4096, BLOCK_ENTRIES / Math.max(1, n))));
    }

    /** As {@link #CosineIndex(float[], int, int)} with an explicit number of query rows per block. */
    public CosineIndex(float[] x, int n, int d, int blockRows) {
        if (n < 1 || d < 1 || x.length != (long) n * d) {
            throw new IllegalArgumentException("need a non-empty [" + n + ", " + d + "] feature matrix");
        }
        if (blockRows < 1) {
            throw new IllegalArgumentException("block rows must be positive: " + blockRows);
        }
        this.x = x;
        this.n = n;
        this.d = d;
        this.blockRows = blockRows;
        this.manager = NDManager.newBaseManager("PyTorch");
        try (NDManager scope = manager.newSubManager()) {
            NDArray raw = scope.create(x, new Shape(n, d));
            // Transpose once here: an op's result belongs to its first operand's manager, so a
            // per-block rowsT.transpose() would pile up in the long-lived manager. The view
            // keeps the normalized storage alive after the scope closes (libtorch refcounts it).
            NDArray t = normalized(raw).transpose();
            t.attach(manager);
            this.rowsT = t;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The index of a labelled feature set's rows. */
    public static CosineIndex of(LabeledFeatures features) {
        return new CosineIndex(features.x(), features.n(), features.d());
    }

    public int size() {
        return n;
    }

    public int width() {
        return d;
    }

    /**
     * The min(m, size()) most similar indexed rows of each of the {@code queries} rows in {@code q}
     * (row-major [queries, width()]).
     */
    public Neighbors search(float[] q, int queries, int m) {
        checkQueries(q, queries, m);
        int kept = Math.min(m, n);
        int[] index = new int[queries * kept];
        float[] sim = new float[queries * kept];
        for (int start = 0; start < queries; start += blockRows) {
            int rows = Math.min(blockRows, queries - start);
            Block b = topk(q, start, rows, kept);
            System.arraycopy(b.index, 0, index, start * kept, rows * kept);
            System.arraycopy(b.sim, 0, sim, start * kept, rows * kept);
        }
        return new Neighbors(index, sim, queries, kept);
    }

    /**
     * The min(m, size() - 1) most similar rows of each indexed row among the OTHER indexed rows
     * (leave-one-out, as ML-kNN's training statistics need).
     *
     * <p>Each row is queried exactly as an outside query would be (normalized from the raw
     * values), so its similarities equal those {@link #search} gives for the same vector.
     *
     * <p>The row itself is removed by its row number, not by position: we ask for one neighbour more
     * and drop the query's own row wherever it lands (a duplicate of the row may tie with it), or
     * the last one if the row itself was not among them (then all m+1 are others, at least as
     * similar).
     */
    public Neighbors searchExcludingSelf(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("need at least one neighbour, got " + m);
        }
        if (n < 2) {
            throw new MedinoException("leave-one-out neighbours need at least 2 rows, got " + n);
        }
        int kept = Math.min(m, n - 1);
        int asked = kept + 1;
        int[] index = new int[n * kept];
        float[] sim = new float[n * kept];
        for (int start = 0; start < n; start += blockRows) {
            int rows = Math.min(blockRows, n - start);
            Block b = topk(x, start, rows, asked);
            for (int r = 0; r < rows; r++) {
                int self = start + r;
                int out = (start + r) * kept;
                int written = 0;
                boolean skipped = false;
                for (int j = 0; j < asked && written < kept; j++) {
                    int idx = b.index[r * asked + j];
                    if (!skipped && idx == self) {
                        skipped = true;
                        continue;
                    }
                    index[out + written] = idx;
                    sim[out + written] = b.sim[r * asked + j];
                    written++;
                }
            }
        }
        return new Neighbors(index, sim, n, kept);
    }

    @Override
    public void close() {
        manager.close();
    }

    private record Block(int[] index, float[] sim) {}

    /** top-m of query rows [start, start + rows) of {@code q}, nearest first. */
    private Block topk(float[] q, int start, int rows, int m) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray block = scope.create(Arrays.copyOfRange(q, start * d, (start + rows) * d), new Shape(rows, d));
            NDArray similarity = normalized(block).matMul(rowsT);
            NDList top = similarity.topK(m, 1, true, true);
            // libtorch returns (values, indices); indices are int64.
            float[] values = top.get(0).toFloatArray();
            long[] idx = top.get(1).toLongArray();
            int[] index = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                index[i] = (int) idx[i];
            }
            return new Block(index, values);
        }
    }

    private static NDArray normalized(NDArray rows) {
        return rows.normalize(2, 1, 1e-12);
    }

    private void checkQueries(float[] q, int queries, int m) {
        if (queries < 0 || q.length != (long) queries * d) {
            throw new IllegalArgumentException(queries + " queries of width " + d + " need " + (long) queries * d + " values");
        }
        if (m < 1) {
            throw new IllegalArgumentException("need at least one neighbour, got " + m);
        }
    }
}
