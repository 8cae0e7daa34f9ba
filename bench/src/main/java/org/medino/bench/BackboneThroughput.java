package org.medino.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.StateDictLayouts;
import org.medino.model.DinoV2Config;
import org.medino.model.DinoVisionTransformer;
import org.medino.model.Param;
import org.medino.model.StateDictLoader;

/**
 * Images per second of the backbone's forward pass (fp32, CPU), as the embedding step runs it:
 * random weights of the real architecture, a batch of 224×224 images, inside a closed scope per
 * batch. Usage: {@code java -cp ... org.medino.bench.BackboneThroughput [vits14|vitb14 ...] [--batch 16] [--batches 6]}.
 */
public final class BackboneThroughput {
    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        int batch = 16;
        int batches = 6;
        int size = 224;
        java.util.List<String> archs = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--batches" -> batches = Integer.parseInt(args[++i]);
                case "--size" -> size = Integer.parseInt(args[++i]);
                default -> archs.add(args[i]);
            }
        }
        if (archs.isEmpty()) {
            archs = java.util.List.of("vits14", "vitb14");
        }
        System.out.printf(Locale.ROOT, "cores %d, batch %d, %dx%d, fp32%n", Runtime.getRuntime().availableProcessors(), batch, size, size);
        try (NDManager manager = NDManager.newBaseManager()) {
            double peak = matmulPeak(manager);
            System.out.printf(Locale.ROOT, "fp32 matmul peak (2048x2048): %.0f GFLOP/s%n", peak);
            for (String arch : archs) {
                DinoV2Config config = DinoV2Config.preset(arch, false);
                try (DinoVisionTransformer model = new DinoVisionTransformer(config, manager)) {
                    StateDictLoader.load(model, StateDictLayouts.toOfficial(arch + " (random)", randomWeights(model, 0)));
                    double perSecond = measure(model, manager, batch, size, batches);
                    double gflops = flopsPerImage(config, size) / 1e9;
                    System.out.printf(Locale.ROOT, "%-7s %6.2f images/s  (%.1f GFLOP/image, %.0f GFLOP/s, %.0f%% of the matmul peak)%n",
                            arch, perSecond, gflops, gflops * perSecond, 100 * gflops * perSecond / peak);
                }
            }
        }
    }

    private static double measure(DinoVisionTransformer model, NDManager manager, int batch, int size, int batches) {
        Random random = new Random(1);
        float[] pixels = new float[batch * 3 * size * size];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (float) random.nextGaussian();
        runBatch(model, manager, pixels, batch, size); // warm-up: first-call allocation, position cache
        runBatch(model, manager, pixels, batch, size);
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            runBatch(model, manager, pixels, batch, size);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return batch * batches / seconds;
    }

    private static void runBatch(DinoVisionTransformer model, NDManager manager, float[] pixels, int batch, int size) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray images = scope.create(pixels, new Shape(batch, 3, size, size));
            model.forward(images, 1).cls().toFloatArray();
        }
    }

    /** The matrix-product work of one image: patch embedding, then per block qkv, attention, projection, feed-forward. */
    static double flopsPerImage(DinoV2Config c, int size) {
        double t = 1 + c.numRegisters() + Math.pow(size / c.patchSize(), 2);
        double d = c.embedDim();
        double h = c.ffnHidden();
        double patchEmbed = 2 * (t - 1 - c.numRegisters()) * c.inChans() * c.patchSize() * c.patchSize() * d;
        double ffn = c.ffn() == org.medino.model.FfnType.SWIGLU ? 2 * t * d * 2 * h + 2 * t * h * d : 2 * 2 * t * d * h;
        double block = 2 * t * d * 3 * d + 2 * 2 * t * t * d + 2 * t * d * d + ffn;
        return patchEmbed + c.depth() * block;
    }

    /** What libtorch's fp32 matrix product reaches here: the bound for a transformer's forward pass. */
    private static double matmulPeak(NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray a = scope.randomNormal(new Shape(2048, 2048));
            NDArray b = scope.randomNormal(new Shape(2048, 2048));
            a.matMul(b).close();
            int reps = 10;
            long start = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                a.matMul(b).close();
            }
            return 2.0 * 2048 * 2048 * 2048 * reps / ((System.nanoTime() - start) / 1e9) / 1e9;
        }
    }

    /** Normal(0, 0.02) weights, LayerNorm weights 1, LayerScale 1e-5 (DINOv2's init): realistic magnitudes. */
    static Map<String, HostTensor> randomWeights(DinoVisionTransformer model, long seed) {
        Random random = new Random(seed);
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (Param p : model.parameters().values()) {
            long[] shape = p.shape().getShape();
            float[] v = new float[(int) HostTensor.numel(shape)];
            String n = p.name();
            for (int i = 0; i < v.length; i++) {
                if (n.contains("norm") && n.endsWith("weight")) v[i] = 1f;
                else if (n.endsWith("gamma")) v[i] = 1e-5f;
                else if (n.endsWith("bias")) v[i] = 0f;
                else v[i] = (float) (random.nextGaussian() * 0.02);
            }
            out.put(n, HostTensor.ofFloats(shape, v));
        }
        return out;
    }
}
