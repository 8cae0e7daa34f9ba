package org.medino.model;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.medino.MedinoException;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;

/**
 * Writes a small DINOv2 with random weights in the official layout (safetensors plus an
 * {@code about.json} with the constructor arguments), for examples and tests that need a backbone
 * of a given depth where real weights cannot be downloaded. Weights are N(0, 0.02²), LayerNorms
 * start at identity, LayerScale at 1 — an untrained network, and files say so in their metadata.
 */
public final class RandomCheckpoint {
    private RandomCheckpoint() {}

    /** Writes {@code dir/official.safetensors} and {@code dir/about.json}; returns the checkpoint path. */
    public static Path write(Path dir, int embedDim, int depth, int heads, long seed) {
        int grid = 16;
        DinoV2Config config = new DinoV2Config(14, 3, embedDim, depth, heads, FfnType.MLP, 4 * embedDim, 0, grid, 1e-6, true,
                DinoV2Config.Biases.ALL, new PosInterpolation(0.1, false));
        Random random = new Random(seed);
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager();
                DinoVisionTransformer model = new DinoVisionTransformer(config, manager)) {
            for (Map.Entry<String, Param> e : model.parameters().entrySet()) {
                long[] shape = e.getValue().shape().getShape();
                float[] v = new float[(int) HostTensor.numel(shape)];
                String name = e.getKey();
                boolean norm = name.contains("norm");
                for (int i = 0; i < v.length; i++) {
                    if (name.endsWith(".gamma")) v[i] = 1f;
                    else if (norm) v[i] = name.endsWith("weight") ? 1f : 0f;
                    else v[i] = (float) (0.02 * random.nextGaussian());
                }
                tensors.put(name, HostTensor.ofFloats(shape, v));
            }
        }
        Path file = dir.resolve("official.safetensors");
        String about = """
                {"constructor": {"img_size": %d, "patch_size": 14, "embed_dim": %d, "depth": %d, "num_heads": %d,
                  "mlp_ratio": 4, "init_values": 1.0, "ffn_layer": "mlp", "block_chunks": 0, "num_register_tokens": 0,
                  "interpolate_antialias": false, "interpolate_offset": 0.1},
                 "note": "random weights (seed %d): an untrained stand-in written by medino"}
                """.formatted(grid * 14, embedDim, depth, heads, seed);
        try {
            Files.createDirectories(dir);
            Safetensors.write(file, tensors, Map.of("format", "pt", "note", "random weights, untrained"));
            Files.writeString(dir.resolve("about.json"), about, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MedinoException(dir + ": cannot write the random checkpoint: " + e.getMessage(), e);
        }
        return file;
    }
}
