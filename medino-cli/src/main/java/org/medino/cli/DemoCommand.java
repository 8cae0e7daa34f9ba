package org.medino.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;
import org.medino.embed.TensorForward;
import org.medino.model.Backbones;
import org.medino.model.LoadedBackbone;
import picocli.CommandLine.Command;

/**
 * {@code medino demo}: the main job on an embedded default. For now a forward pass of a bundled
 * small random-weight DINOv2 checkpoint on bundled inputs, checked against the reference outputs.
 */
@Command(
        name = "demo",
        description = "Run the bundled small DINOv2 checkpoint on bundled inputs and print the output shapes.",
        footer = {"", "Example:", "  ./medino demo"})
final class DemoCommand implements Callable<Integer> {
    private static final String[] FILES = {"official.safetensors", "about.json", "inputs.safetensors", "expected-official.safetensors"};

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("medino-demo");
        try {
            for (String name : FILES) {
                try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            run(dir);
        } finally {
            for (String name : FILES) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
        return 0;
    }

    private static void run(Path dir) {
        Map<String, HostTensor> inputs = Safetensors.read(dir.resolve("inputs.safetensors"));
        Map<String, HostTensor> expected = Safetensors.read(dir.resolve("expected-official.safetensors"));
        try (NDManager manager = NDManager.newBaseManager();
                LoadedBackbone backbone = Backbones.load(dir.resolve("official.safetensors"), Backbones.Options.DEFAULTS, manager)) {
            System.out.println("medino demo: a small DINOv2 with RANDOM weights (an untrained stand-in, bundled for the demo)");
            System.out.println("model:  " + backbone.config().describe());
            System.out.println("        position embeddings: " + backbone.config().posInterpolation());
            Map<String, HostTensor> outputs = TensorForward.run(backbone.model(), inputs, Math.min(3, backbone.config().depth()), false);
            double worst = 0;
            for (Map.Entry<String, HostTensor> e : inputs.entrySet()) {
                System.out.println("input " + e.getKey() + " " + Arrays.toString(e.getValue().shape()));
            }
            for (Map.Entry<String, HostTensor> e : outputs.entrySet()) {
                System.out.printf("  %-32s %s%n", e.getKey(), Arrays.toString(e.getValue().shape()));
                worst = Math.max(worst, maxAbsDiff(e.getValue(), expected.get(e.getKey())));
            }
            System.out.printf("largest difference from the PyTorch reference (facebookresearch/dinov2): %.2e%n", worst);
            System.out.println("Run a real model: medino models pull dinov2-small, then medino forward --model dinov2-small ...");
        }
    }

    private static double maxAbsDiff(HostTensor a, HostTensor b) {
        float[] x = a.toFloats();
        float[] y = b.toFloats();
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }
}
