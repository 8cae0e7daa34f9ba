package org.medino.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medino.MedinoException;
import org.medino.checkpoint.CheckpointHash;
import org.medino.data.Dataset;
import org.medino.embed.Embedder;
import org.medino.embed.FeatureStore;
import org.medino.embed.IntensityScaling;
import org.medino.model.Backbones;
import org.medino.model.LoadedBackbone;
import org.medino.model.ModelCard;
import org.medino.model.ModelLocator;
import org.medino.model.ModelRegistry;
import org.medino.model.Preprocessing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medino embed}: a dataset through a frozen backbone into a feature store. */
@Command(
        mixinStandardHelpOptions = true,
        name = "embed",
        description = {"Run a frozen backbone over a dataset and write a feature store: sharded safetensors with, per sample,",
            "the CLS tokens of the last N blocks and the mean patch token (volumes: per slice and mean-pooled), plus",
            "store.json with the ids, labels, splits, patients, the model, a checkpoint hash and the preprocessing.",
            "A killed run continues with --resume without recomputing finished shards."},
        footer = {"", "Examples:", "  medino embed --model dinov2-small --data data/manifest.csv --out features/dinov2-small",
            "  medino embed --model rad-dino --data chest.csv --out features/rad-dino --batch 16 --resume",
            "  medino embed --model dinov2-base --data ct.csv --out features/ct --intensity ct-lung"})
final class EmbedCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "M", description = "Checkpoint or registered model name.")
    String model;

    @Option(names = "--data", required = true, paramLabel = "DATASET", description = "Manifest .csv, folder-per-class tree or MedMNIST .npz.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The feature store folder.")
    Path out;

    @Option(names = "--layers", paramLabel = "N", description = "Keep the CLS tokens of the last N blocks (default: 4, or the depth if smaller).")
    Integer layers;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "B", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--resume", description = "Continue an interrupted store (same model, data and preprocessing).")
    boolean resume;

    @Option(names = "--intensity", defaultValue = "auto", paramLabel = "RULE",
            description = "Raw values to [0,1]: auto (8-bit /255, else min-max), minmax, none, ct-lung, ct-mediastinum, ct-abdomen, "
                    + "ct-bone, ct-brain, hu-clamp, mri-p1-99, mri-p5-95 (default: ${DEFAULT-VALUE}).")
    String intensity;

    @Option(names = "--resize", paramLabel = "PX", description = "Override the model's shorter-side resize.")
    Integer resize;

    @Option(names = "--crop", paramLabel = "PX", description = "Override the model's centre crop (a multiple of 14).")
    Integer crop;

    @Option(names = "--mean", split = ",", paramLabel = "R,G,B", description = "Override the model's normalization mean.")
    List<Double> mean;

    @Option(names = "--std", split = ",", paramLabel = "R,G,B", description = "Override the model's normalization std.")
    List<Double> std;

    @Option(names = "--patch-tokens", description = "Also keep every image's full patch-token map (for dense heads; large).")
    boolean patchTokens;

    @Option(names = "--shard-size", defaultValue = "1024", paramLabel = "N", description = "Samples per shard (default: ${DEFAULT-VALUE}).")
    int shardSize;

    @Mixin
    DatasetArgs datasetArgs = new DatasetArgs();

    @Override
    public Integer call() {
        if (batch < 1 || shardSize < 1) {
            throw new MedinoException("--batch and --shard-size must be at least 1");
        }
        Preprocessing preprocessing = preprocessing();
        IntensityScaling scaling = IntensityScaling.parse(intensity);
        Dataset dataset = datasetArgs.read(data);
        Path checkpoint = ModelLocator.locate(model);
        String hash = CheckpointHash.sha256(checkpoint);
        try (NDManager manager = NDManager.newBaseManager();
                LoadedBackbone backbone = Backbones.load(checkpoint, Backbones.Options.DEFAULTS, manager)) {
            backbone.notes().forEach(n -> System.err.println("medino: note: " + n));
            int n = layers != null ? layers : Math.min(4, backbone.config().depth());
            Embedder.Options options = new Embedder.Options(n, batch, shardSize, preprocessing, scaling, resume, patchTokens);
            Embedder embedder = new Embedder(backbone.model(), options);
            ProgressBar bar = new ProgressBar();
            FeatureStore store = embedder.run(dataset, model, hash, out, bar);
            bar.finish();
            System.out.printf(Locale.ROOT, "wrote features of %d samples (%s, D=%d, last %d blocks) to %s%n",
                    store.manifest().samples().size(), backbone.config().describe(), backbone.config().embedDim(), n, out);
            if (!dataset.skipped().isEmpty()) {
                System.out.println("skipped " + dataset.skipped().badRowCount() + " bad rows, listed in " + out.resolve("skipped.csv"));
                dataset.skipped().writeCsv(out.resolve("skipped.csv"));
            }
        }
        return 0;
    }

    private Preprocessing preprocessing() {
        Preprocessing base = ModelRegistry.find(model).map(ModelCard::preprocessing).orElse(Preprocessing.DINOV2);
        int r = resize != null ? resize : (crop != null ? crop : base.resizeShorter());
        int c = crop != null ? crop : base.crop();
        if (c % 14 != 0) {
            throw new MedinoException("--crop " + c + " is not a multiple of the patch size 14");
        }
        double[] m = mean != null ? mean.stream().mapToDouble(Double::doubleValue).toArray() : base.mean();
        double[] s = std != null ? std.stream().mapToDouble(Double::doubleValue).toArray() : base.std();
        if (m.length != 3 || s.length != 3) {
            throw new MedinoException("--mean and --std take three values (R,G,B)");
        }
        return new Preprocessing(r, c, base.interpolation(), m, s);
    }

    /** Images/s and ETA on stderr, redrawn at most every half second. */
    private static final class ProgressBar implements Embedder.Progress {
        private final long start = System.nanoTime();
        private long lastDraw;

        @Override
        public void update(int samplesDone, int samplesTotal, long images) {
            long now = System.nanoTime();
            if (now - lastDraw < 500_000_000L && samplesDone < samplesTotal) {
                return;
            }
            lastDraw = now;
            double seconds = (now - start) / 1e9;
            double rate = images / Math.max(seconds, 1e-9);
            double fraction = samplesTotal == 0 ? 1 : (double) samplesDone / samplesTotal;
            String eta = fraction > 0 && fraction < 1 ? String.format(Locale.ROOT, "ETA %.0f s", seconds / fraction * (1 - fraction)) : "";
            System.err.printf(Locale.ROOT, "\rembedding: %d/%d samples, %.1f images/s %s   ", samplesDone, samplesTotal, rate, eta);
        }

        void finish() {
            System.err.println();
        }
    }
}
