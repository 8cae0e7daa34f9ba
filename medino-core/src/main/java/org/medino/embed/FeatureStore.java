package org.medino.embed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.checkpoint.AtomicFiles;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;

/**
 * A folder of features: {@code store.json} (the {@link StoreManifest}) and {@code shards/shard-NNNNN.safetensors},
 * each holding for its samples {@code cls} [m, layers, D] (normalized CLS of the last blocks,
 * oldest first) and {@code patch_mean} [m, D] (mean of the last block's normalized patch tokens);
 * volumes are mean-pooled over their slices there, and their per-slice features are kept as
 * {@code slice_cls} [S, layers, D], {@code slice_patch_mean} [S, D] and {@code slice_row} [S]. With
 * {@code --patch-tokens}, {@code patch_tokens} [S, T, D] holds every image's (slice's) full patch-token map.
 *
 * <p>Every file is written to a temporary name and renamed, so a shard that exists is complete: a
 * run killed half-way resumes from the shards it finds.
 */
public final class FeatureStore {
    static final String MANIFEST = "store.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final StoreManifest manifest;

    private FeatureStore(Path dir, StoreManifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    public static boolean isStore(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /** Opens an existing store. */
    public static FeatureStore open(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new MedinoException(dir + ": not a feature store (no " + MANIFEST + ")");
        }
        try {
            return new FeatureStore(dir, JSON.readValue(file.toFile(), StoreManifest.class));
        } catch (IOException e) {
            throw new MedinoException(file + ": not a valid store manifest (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** Starts a store (or, with {@code resume}, continues one made with the same recipe and samples). */
    public static FeatureStore create(Path dir, StoreManifest manifest, boolean resume) {
        if (isStore(dir)) {
            FeatureStore existing = open(dir);
            if (!resume) {
                throw new MedinoException(dir + ": already holds a feature store; pass --resume to continue it, or choose another --out");
            }
            if (!existing.manifest.recipe().equals(manifest.recipe()) || !existing.manifest.samples().equals(manifest.samples())
                    || existing.manifest.shardSize() != manifest.shardSize()) {
                throw new MedinoException(dir + ": the store there was made from other samples, model or preprocessing; cannot resume it");
            }
            return existing;
        }
        FeatureStore store = new FeatureStore(dir, manifest);
        store.writeManifest(manifest);
        return store;
    }

    public StoreManifest manifest() {
        return manifest;
    }

    public Path dir() {
        return dir;
    }

    Path shardPath(int shard) {
        return dir.resolve("shards").resolve(String.format("shard-%05d.safetensors", shard));
    }

    public boolean hasShard(int shard) {
        return Files.isRegularFile(shardPath(shard));
    }

    void writeShard(int shard, Map<String, HostTensor> tensors) {
        Safetensors.write(shardPath(shard), tensors, Map.of("store_shard", Integer.toString(shard)));
    }

    /** Marks the store complete once every shard is there. */
    void finish() {
        for (int s = 0; s < manifest.shards(); s++) {
            if (!hasShard(s)) {
                throw new IllegalStateException("shard " + s + " is missing");
            }
        }
        writeManifest(manifest.completed());
    }

    private void writeManifest(StoreManifest m) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsString(m).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        AtomicFiles.write(dir.resolve(MANIFEST), bytes);
    }

    /** The per-sample tensors of every shard, concatenated in row order: cls [n, layers, D] and patch_mean [n, D]. */
    public float[][] readAll() {
        if (!manifest.complete()) {
            throw new MedinoException(dir + ": the feature store is incomplete (an embed run did not finish); rerun it with --resume");
        }
        int n = manifest.samples().size();
        int d = manifest.dim();
        int layers = manifest.layers();
        float[] cls = new float[n * layers * d];
        float[] patch = new float[n * d];
        for (int s = 0; s < manifest.shards(); s++) {
            Map<String, HostTensor> t = Safetensors.read(shardPath(s));
            int start = s * manifest.shardSize();
            long rows = Math.min(manifest.shardSize(), n - start);
            float[] c = require(t, "cls", s, rows, layers, d).toFloats();
            float[] p = require(t, "patch_mean", s, rows, d).toFloats();
            System.arraycopy(c, 0, cls, start * layers * d, c.length);
            System.arraycopy(p, 0, patch, start * d, p.length);
        }
        return new float[][] {cls, patch};
    }

    /** The shard's tensor {@code key}, which must have exactly {@code shape}: a shard never disagrees with its manifest. */
    private HostTensor require(Map<String, HostTensor> t, String key, int shard, long... shape) {
        HostTensor tensor = t.get(key);
        if (tensor == null) {
            throw new MedinoException(shardPath(shard) + ": has no '" + key + "' tensor");
        }
        if (!java.util.Arrays.equals(tensor.shape(), shape)) {
            throw new MedinoException(shardPath(shard) + ": '" + key + "' is " + java.util.Arrays.toString(tensor.shape())
                    + ", store.json says " + java.util.Arrays.toString(shape));
        }
        return tensor;
    }
}
