package org.medino.embed;

import java.util.List;
import java.util.Map;

/**
 * What {@code store.json} records about a feature store: how the features were made (so that
 * stores made differently are never compared) and which samples it holds, in row order.
 *
 * @param model what the user named (a registry name or a path)
 * @param checkpointSha256 sha256 over the checkpoint's weight files (and config.json), in name order
 * @param preprocessing the input pipeline, as text (resize, crop, mean/std, intensity scaling)
 * @param layers how many last blocks' CLS tokens are stored per sample
 * @param dim token width D
 * @param shardSize samples per shard
 * @param labelKind "single", "multi" or "none"
 * @param classNames class or finding names, in label-index order
 * @param samples the samples, in row order (shard k holds rows k·shardSize ...)
 * @param complete true once every shard is written
 */
public record StoreManifest(
        String model,
        String checkpointSha256,
        String preprocessing,
        int layers,
        int dim,
        int shardSize,
        String labelKind,
        List<String> classNames,
        List<Entry> samples,
        boolean complete) {

    /**
     * One sample of the store.
     *
     * @param id sample id
     * @param label single label index, or -1
     * @param multiHot 0/1 per finding for multi-label data, or null
     * @param split train/val/test or null
     * @param patientId patient or null
     */
    public record Entry(String id, int label, List<Integer> multiHot, String split, String patientId) {}

    public int shards() {
        return (samples.size() + shardSize - 1) / shardSize;
    }

    public StoreManifest completed() {
        return new StoreManifest(model, checkpointSha256, preprocessing, layers, dim, shardSize, labelKind, classNames, samples, true);
    }

    /** What must be equal for features of two stores to be compared. */
    public Map<String, Object> recipe() {
        return Map.of("checkpoint_sha256", checkpointSha256, "preprocessing", preprocessing, "layers", layers, "dim", dim);
    }
}
