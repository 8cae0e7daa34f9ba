package org.medino.eval;

import java.util.Arrays;
import org.medino.MedinoException;

/**
 * Cached backbone outputs for linear probing, as DINOv2's linear evaluation consumes them: per
 * sample the CLS token of each of the last {@code blocks} transformer blocks and the mean of the
 * last block's patch tokens.
 *
 * <p>Only the patch <em>mean</em> is kept, not the patch tokens: {@code create_linear_input} in
 * dinov2/eval/linear.py uses the patch tokens only through {@code torch.mean(..., dim=1)} of the
 * last block, so the mean is all a linear head ever sees.
 *
 * @param ids sample ids, one per row
 * @param clsPerBlock CLS tokens, row-major [n, blocks, d]; block {@code blocks - 1} is the last
 *     (deepest) block, i.e. the order of {@code x_tokens_list} in DINOv2
 * @param patchMean mean of the last block's patch tokens, row-major [n, d]
 * @param n rows
 * @param blocks number of blocks whose CLS token is kept (DINOv2 keeps 4)
 * @param d token width
 * @param labels single-label class per row, or null for multi-label data
 * @param multiHot multi-label 0/1, row-major [n, classes], or null for single-label data
 * @param classNames class (or finding) names
 * @param patientIds patient per row (used to keep a patient on one side of a held-out split), or null
 */
public record ProbeFeatures(
        String[] ids,
        float[] clsPerBlock,
        float[] patchMean,
        int n,
        int blocks,
        int d,
        int[] labels,
        byte[] multiHot,
        String[] classNames,
        String[] patientIds) {

    public ProbeFeatures {
        if (clsPerBlock.length != (long) n * blocks * d || patchMean.length != (long) n * d || ids.length != n) {
            throw new IllegalArgumentException("probe features need [" + n + ", " + blocks + ", " + d + "] CLS tokens, ["
                    + n + ", " + d + "] patch means and " + n + " ids");
        }
        LabeledFeatures.checkLabels(n, labels, multiHot, classNames.length);
        if (patientIds != null && patientIds.length != n) {
            throw new IllegalArgumentException(patientIds.length + " patient ids for " + n + " rows");
        }
    }

    public int numClasses() {
        return classNames.length;
    }

    public Task task() {
        return multiHot != null ? Task.MULTILABEL : Task.singleLabel(numClasses());
    }

    /** Width of the head input for this setting: n CLS tokens, plus the patch mean when avgpool. */
    public int inputWidth(int nLastBlocks, boolean avgpool) {
        checkBlocks(nLastBlocks);
        return (nLastBlocks + (avgpool ? 1 : 0)) * d;
    }

    /**
     * The linear head's input, row-major [n, inputWidth]: as {@code create_linear_input} in
     * dinov2/eval/linear.py, the CLS tokens of the last {@code nLastBlocks} blocks concatenated in
     * block order (oldest first), followed, when {@code avgpool}, by the last block's patch mean.
     * Note that the patch mean always comes from the last block, whatever nLastBlocks is.
     */
    public float[] headInput(int nLastBlocks, boolean avgpool) {
        int width = inputWidth(nLastBlocks, avgpool);
        float[] out = new float[n * width];
        for (int i = 0; i < n; i++) {
            copyHeadInputRow(i, nLastBlocks, avgpool, out, i * width);
        }
        return out;
    }

    /** Row i of {@link #headInput} written into {@code dst} at {@code offset}. */
    void copyHeadInputRow(int i, int nLastBlocks, boolean avgpool, float[] dst, int offset) {
        int first = blocks - nLastBlocks;
        System.arraycopy(clsPerBlock, (i * blocks + first) * d, dst, offset, nLastBlocks * d);
        if (avgpool) {
            System.arraycopy(patchMean, i * d, dst, offset + nLastBlocks * d, d);
        }
    }

    private void checkBlocks(int nLastBlocks) {
        if (nLastBlocks < 1 || nLastBlocks > blocks) {
            throw new MedinoException("n_last_blocks " + nLastBlocks + " needs between 1 and the " + blocks + " cached blocks");
        }
    }

    /** The rows {@code rows}, in that order. */
    public ProbeFeatures select(int[] rows) {
        int k = numClasses();
        String[] sid = new String[rows.length];
        float[] sc = new float[rows.length * blocks * d];
        float[] sp = new float[rows.length * d];
        int[] sl = labels == null ? null : new int[rows.length];
        byte[] sm = multiHot == null ? null : new byte[rows.length * k];
        String[] spat = patientIds == null ? null : new String[rows.length];
        for (int r = 0; r < rows.length; r++) {
            int i = rows[r];
            sid[r] = ids[i];
            System.arraycopy(clsPerBlock, i * blocks * d, sc, r * blocks * d, blocks * d);
            System.arraycopy(patchMean, i * d, sp, r * d, d);
            if (sl != null) sl[r] = labels[i];
            if (sm != null) System.arraycopy(multiHot, i * k, sm, r * k, k);
            if (spat != null) spat[r] = patientIds[i];
        }
        return new ProbeFeatures(sid, sc, sp, rows.length, blocks, d, sl, sm, classNames, spat);
    }

    /** These rows followed by {@code other}'s, e.g. train + val for the final fit. */
    public ProbeFeatures concat(ProbeFeatures other) {
        if (other.blocks != blocks || other.d != d || !Arrays.equals(other.classNames, classNames)
                || (other.labels == null) != (labels == null)) {
            throw new MedinoException("cannot join probe features of different blocks, width, classes or label kind");
        }
        int total = n + other.n;
        int k = numClasses();
        String[] cid = RowConcat.of(ids, n, other.ids, other.n);
        float[] cc = RowConcat.of(clsPerBlock, n * blocks * d, other.clsPerBlock, other.n * blocks * d);
        float[] cp = RowConcat.of(patchMean, n * d, other.patchMean, other.n * d);
        int[] cl = labels != null ? RowConcat.of(labels, n, other.labels, other.n) : null;
        byte[] cm = labels == null ? RowConcat.of(multiHot, n * k, other.multiHot, other.n * k) : null;
        String[] cpat = patientIds != null && other.patientIds != null
                ? RowConcat.of(patientIds, n, other.patientIds, other.n) : null;
        return new ProbeFeatures(cid, cc, cp, total, blocks, d, cl, cm, classNames, cpat);
    }
}
