package org.medino.eval;

/**
 * One linear head's hyper-parameters, as in DINOv2's grid.
 *
 * @param nLastBlocks how many of the last blocks' CLS tokens feed the head (DINOv2: 1 or 4)
 * @param avgpool whether the last block's patch-token mean is appended
 * @param baseLr the learning rate of the grid, for a batch of 256
 * @param lr the learning rate used: {@code baseLr * batchSize / 256} (DINOv2's {@code scale_lr})
 */
public record ProbeSetting(int nLastBlocks, boolean avgpool, double baseLr, double lr) {
    /** DINOv2's classifier name, e.g. {@code classifier_4_blocks_avgpool_True_lr_0_00050}. */
    public String name() {
        return String.format(java.util.Locale.ROOT, "classifier_%d_blocks_avgpool_%s_lr_%.5f",
                nLastBlocks, avgpool ? "True" : "False", lr).replace('.', '_');
    }
}
