package org.medino.bench;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.medino.model.Backbones;
import org.medino.model.LoadedBackbone;
import org.medino.model.RandomCheckpoint;
import org.medino.segment.FeatureCache;
import org.medino.segment.InputPipeline;
import org.medino.segment.NetworkFactory;
import org.medino.segment.NetworkSpec;
import org.medino.segment.Networks;
import org.medino.segment.SegmentationNetwork;
import org.medino.segment.SegmentationTrainer;
import org.medino.segment.SlicePlane;
import org.medino.segment.TrainSettings;
import org.medino.train.LossKind;
import org.medino.transform.TypedImage;

/**
 * Training speed and memory of each segmenter: seconds per step (batch 8, augmentation on, AdamW,
 * Dice+CE) after two warm-up epochs, and the process's resident memory at every epoch end, which
 * must stay flat. Heads run on a ViT-S/14-shaped DINOv2 with random weights (the speed does not
 * depend on the values). A harness, not a test:
 * {@code SegmentationTrainingBench linear|multilayer|unet-head|unet|transunet SIZE [EPOCHS [LR]]} ({@code -Dverbose} prints every step).
 */
public final class SegmentationTrainingBench {
    public static void main(String[] args) throws IOException {
        String which = args.length > 0 ? args[0] : "linear";
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 224;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        double lr = args.length > 3 ? Double.parseDouble(args[3]) : 1e-3;
        boolean verbose = System.getProperty("verbose") != null;
        boolean head = which.equals("linear") || which.equals("multilayer") || which.equals("unet-head");
        List<SlicePlane> planes = planes(32, size);
        Path dir = Files.createTempDirectory("medino-bench");
        try (NDManager manager = NDManager.newBaseManager();
                LoadedBackbone backbone = head
                        ? Backbones.load(RandomCheckpoint.write(dir, 384, 12, 6, 1), Backbones.Options.DEFAULTS, manager) : null) {
            int multiple = head ? 14 : 16;
            InputPipeline pipeline = new InputPipeline(size, multiple, new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225});
            NetworkSpec spec = new NetworkSpec(head ? NetworkSpec.HEAD : NetworkSpec.BASELINE, which.replace("-head", ""), 4, pipeline.padded());
            Object config = Networks.defaultConfig(spec, 384, 12);
            NetworkFactory factory = Networks.factory(manager, spec, config, head ? backbone.model() : null, FeatureCache.halfOfFreeHeap());
            TrainSettings settings = new TrainSettings(epochs, 8, lr, "adamw", 1e-4, LossKind.DICECE, 1, true);
            List<Long> stepNanos = new ArrayList<>();
            long[] last = {System.nanoTime()};
            try (SegmentationNetwork net = factory.create(1)) {
                SegmentationTrainer.train(manager, net, planes, null, pipeline, settings, 4, which, null, false, (e, es, st, sts, loss) -> {
                    long now = System.nanoTime();
                    if (e >= 2) stepNanos.add(now - last[0]);
                    if (verbose) System.out.printf(Locale.ROOT, "epoch %d step %d: loss %.4f%n", e + 1, st, loss);
                    last[0] = now;
                    if (st == sts) System.out.printf(Locale.ROOT, "epoch %d: loss %.4f, resident %d MB%n", e + 1, loss, residentMb());
                });
            }
            double mean = stepNanos.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e9;
            System.out.printf(Locale.ROOT, "%s at %d px (runs at %d): %.2f s per step of 8, %.1f images/s%n", which, size, pipeline.padded(),
                    mean, 8 / mean);
        }
    }

    private static List<SlicePlane> planes(int count, int n) {
        Random r = new Random(3);
        List<SlicePlane> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            float[] v = new float[n * n];
            int[] labels = new int[n * n];
            for (int i = 0; i < v.length; i++) {
                labels[i] = (i / n) * 4 / n;
                v[i] = labels[i] / 4f + 0.1f * (float) r.nextGaussian();
            }
            out.add(new SlicePlane(c, 0, TypedImage.image(v, 1, n, n), labels));
        }
        return out;
    }

    private static long residentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no figure
        }
        return -1;
    }
}
