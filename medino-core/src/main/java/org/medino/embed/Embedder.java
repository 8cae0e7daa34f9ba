package org.medino.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.checkpoint.HostTensor;
import org.medino.data.Dataset;
import org.medino.data.Sample;
import org.medino.model.DinoFeatures;
import org.medino.model.DinoVisionTransformer;
import org.medino.model.Preprocessing;
import org.medino.transform.ModelPreprocess;
import org.medino.transform.Transform;
import org.medino.transform.TypedImage;

/**
 * Runs a backbone over a dataset and writes a {@link FeatureStore}, shard by shard: a shard that
 * exists is skipped (resume), and each is written whole or not at all. Each batch runs in its own
 * NDManager scope, so memory stays flat however long the dataset.
 */
public final class Embedder {
    /**
     * @param layers CLS tokens of how many last blocks to keep
     * @param batch images per forward pass
     * @param shardSize samples per shard
     * @param preprocessing resize, crop, mean/std
     * @param intensity how raw values become [0, 1]
     * @param resume continue an interrupted store instead of refusing to overwrite it
     * @param patchTokens also keep every image's full patch-token map (large: T·D floats per image)
     */
    public record Options(int layers, int batch, int shardSize, Preprocessing preprocessing, IntensityScaling intensity, boolean resume,
            boolean patchTokens) {}

    /** Told after every batch: samples done so far (of all), images (slices) embedded by this run. */
    public interface Progress {
        Progress NONE = (samplesDone, samplesTotal, imagesThisRun) -> {};

        void update(int samplesDone, int samplesTotal, long imagesThisRun);
    }

    private final DinoVisionTransformer model;
    private final Options options;
    private final Transform preprocess;
    private final ImagePlanes planes = new ImagePlanes();

    public Embedder(DinoVisionTransformer model, Options options) {
        if (options.layers() < 1 || options.layers() > model.config().depth()) {
            throw new MedinoException("--layers must be between 1 and the model's depth " + model.config().depth());
        }
        this.model = model;
        this.options = options;
        this.preprocess = ModelPreprocess.of(options.preprocessing());
    }

    /** The preprocessing as recorded in the store (what must match for features to be compared). */
    public static String describe(Options o) {
        return o.preprocessing() + ", intensity " + o.intensity().label();
    }

    public FeatureStore run(Dataset dataset, String modelName, String checkpointSha256, Path out, Progress progress) {
        List<Sample> samples = dataset.samples();
        for (Sample s : samples) {
            if (s.images().size() != 1) {
                throw new MedinoException("sample " + s.id() + " has " + s.images().size()
                        + " modalities; embedding takes one image per sample (multi-modal MRI comes with MM-DINOv2)");
            }
        }
        StoreManifest manifest = new StoreManifest(modelName, checkpointSha256, describe(options), options.layers(),
                model.config().embedDim(), options.shardSize(), dataset.labelKind().name().toLowerCase(java.util.Locale.ROOT),
                dataset.classNames(), samples.stream().map(Embedder::entry).toList(), false);
        FeatureStore store = FeatureStore.create(out, manifest, options.resume());
        long images = 0;
        for (int shard = 0; shard < manifest.shards(); shard++) {
            int from = shard * options.shardSize();
            int to = Math.min(samples.size(), from + options.shardSize());
            if (!store.hasShard(shard)) {
                images += embedShard(store, shard, samples.subList(from, to), progress, from, samples.size(), images);
            }
            progress.update(to, samples.size(), images);
        }
        store.finish();
        return FeatureStore.open(out);
    }

    private static StoreManifest.Entry entry(Sample s) {
        int label = s.label() != null && !s.label().isMulti() ? s.label().index() : -1;
        List<Integer> hot = null;
        if (s.label() != null && s.label().isMulti()) {
            hot = new ArrayList<>();
            for (int v : s.label().hot()) hot.add(v);
        }
        return new StoreManifest.Entry(s.id(), label, hot, s.split() == null ? null : s.split().label(), s.patientId());
    }

    /** Embeds every slice of the shard's samples, then pools per sample; returns the images embedded. */
    private long embedShard(FeatureStore store, int shard, List<Sample> samples, Progress progress, int done, int total, long before) {
        List<float[]> inputs = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            for (Plane plane : planes.load(samples.get(i).image())) {
                inputs.add(prepare(plane));
                owner.add(i);
            }
        }
        int layers = options.layers();
        int d = model.config().embedDim();
        int n = inputs.size();
        float[] sliceCls = new float[n * layers * d];
        float[] slicePatch = new float[n * d];
        int grid = options.preprocessing().crop() / model.config().patchSize();
        int tokens = grid * grid;
        float[] patchTokens = options.patchTokens() ? new float[n * tokens * d] : null;
        for (int start = 0; start < n; start += options.batch()) {
            int end = Math.min(n, start + options.batch());
            forward(inputs.subList(start, end), sliceCls, slicePatch, patchTokens, start);
            progress.update(done, total, before + end);
        }
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        int m = samples.size();
        float[] cls = new float[m * layers * d];
        float[] patch = new float[m * d];
        int[] count = new int[m];
        for (int s = 0; s < n; s++) {
            int row = owner.get(s);
            count[row]++;
            for (int k = 0; k < layers * d; k++) cls[row * layers * d + k] += sliceCls[s * layers * d + k];
            for (int k = 0; k < d; k++) patch[row * d + k] += slicePatch[s * d + k];
        }
        for (int row = 0; row < m; row++) {
            for (int k = 0; k < layers * d; k++) cls[row * layers * d + k] /= count[row];
            for (int k = 0; k < d; k++) patch[row * d + k] /= count[row];
        }
        tensors.put("cls", HostTensor.ofFloats(new long[] {m, layers, d}, cls));
        tensors.put("patch_mean", HostTensor.ofFloats(new long[] {m, d}, patch));
        if (patchTokens != null) {
            // per image (per slice for volumes, see slice_row), row-major [S, T, D] with T = grid²
            tensors.put("patch_tokens", HostTensor.ofFloats(new long[] {n, tokens, d}, patchTokens));
        }
        if (n > m) {
            // volumes: keep the per-slice features too
            tensors.put("slice_cls", HostTensor.ofFloats(new long[] {n, layers, d}, sliceCls));
            tensors.put("slice_patch_mean", HostTensor.ofFloats(new long[] {n, d}, slicePatch));
            float[] rows = new float[n];
            for (int s = 0; s < n; s++) rows[s] = owner.get(s);
            tensors.put("slice_row", HostTensor.ofFloats(new long[] {n}, rows));
        }
        store.writeShard(shard, tensors);
        return n;
    }

    /** Intensity to [0, 1], then the model's own resize, crop and normalization: [3, crop, crop]. */
    private float[] prepare(Plane plane) {
        TypedImage image = TypedImage.image(plane.values(), plane.channels(), plane.rows(), plane.cols());
        org.medino.transform.Sample sample = org.medino.transform.Sample.of("image", image);
        sample = options.intensity().transform(plane.storedDtype()).apply(sample);
        return preprocess.apply(sample).image("image").data();
    }

    private void forward(List<float[]> batch, float[] clsOut, float[] patchOut, float[] tokensOut, int offset) {
        int crop = options.preprocessing().crop();
        int layers = options.layers();
        int d = model.config().embedDim();
        float[] pixels = new float[batch.size() * 3 * crop * crop];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(batch.get(i), 0, pixels, i * 3 * crop * crop, 3 * crop * crop);
        }
        try (NDManager scope = model.manager().getParentManager().newSubManager()) {
            NDArray images = scope.create(pixels, new Shape(batch.size(), 3, crop, crop));
            DinoFeatures f = model.forward(images, layers);
            for (int j = 0; j < layers; j++) {
                float[] c = f.intermediateCls(j).toFloatArray();
                for (int i = 0; i < batch.size(); i++) {
                    System.arraycopy(c, i * d, clsOut, ((offset + i) * layers + j) * d, d);
                }
            }
            float[] p = f.patch().mean(new int[] {1}).toFloatArray();
            System.arraycopy(p, 0, patchOut, offset * d, p.length);
            if (tokensOut != null) {
                float[] t = f.patch().toFloatArray();
                System.arraycopy(t, 0, tokensOut, offset * (t.length / batch.size()), t.length);
            }
        }
    }
}
