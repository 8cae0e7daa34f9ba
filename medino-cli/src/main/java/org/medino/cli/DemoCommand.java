package org.medino.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medino.checkpoint.CheckpointHash;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;
import org.medino.data.Dataset;
import org.medino.data.SyntheticRadiographs;
import org.medino.embed.Embedder;
import org.medino.embed.IntensityScaling;
import org.medino.embed.TensorForward;
import org.medino.model.Backbones;
import org.medino.model.LoadedBackbone;
import org.medino.model.Preprocessing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medino demo}: the main job on an embedded default. A generated radiograph-like dataset
 * with known labels goes through the bundled small backbone into a feature store, then through the
 * frozen-feature protocols, ending in a results table and an offline HTML report.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "demo",
        description = {"Run the benchmark on an embedded default: a generated chest-radiograph-like dataset (normal, nodule,",
            "effusion) through the bundled small DINOv2 (random weights: an untrained stand-in), then kNN, few-shot,",
            "linear probing and logistic regression; prints the results and writes report.html."},
        footer = {"", "Example:", "  ./medino demo", "  ./medino demo --out /tmp/medino-demo"})
final class DemoCommand implements Callable<Integer> {
    private static final String[] FILES = {"official.safetensors", "about.json", "inputs.safetensors", "expected-official.safetensors"};

    @Option(names = "--out", defaultValue = "medino-demo", paramLabel = "DIR", description = "Where the data, features and report go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Path model = out.resolve("model");
        Files.createDirectories(model);
        for (String name : FILES) {
            try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
                Files.copy(in, model.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.println("medino demo");
        System.out.println("backbone: a small DINOv2 (ViT, D=48, 3 blocks) with RANDOM weights, bundled with medino.");
        System.out.println("          It is an untrained stand-in, not a foundation model: the numbers below show the pipeline");
        System.out.println("          works end to end, not how good DINOv2 is.");
        Path manifest = SyntheticRadiographs.write(out.resolve("data"), 20, 128, 7);
        System.out.println("data:     " + manifest + " (generated: 60 patients x 2 radiographs; normal, nodule, effusion)");
        Path features = out.resolve("features");
        try (NDManager manager = NDManager.newBaseManager();
                LoadedBackbone backbone = Backbones.load(model.resolve("official.safetensors"), Backbones.Options.DEFAULTS, manager)) {
            System.out.printf(Locale.ROOT, "parity:   largest difference from the PyTorch reference on the bundled inputs: %.1e%n", parity(model, backbone));
            Dataset dataset = new DatasetArgs().read(manifest);
            Preprocessing input = new Preprocessing(98, 98, "bicubic", Preprocessing.DINOV2.mean(), Preprocessing.DINOV2.std());
            Embedder.Options options = new Embedder.Options(3, 32, 1024, input, IntensityScaling.AUTO, true, false);
            new Embedder(backbone.model(), options).run(dataset, "bundled demo backbone",
                    CheckpointHash.sha256(model.resolve("official.safetensors")), features, Embedder.Progress.NONE);
        }
        System.out.println("features: " + features);
        System.out.println();
        DemoProtocols.run(features, out);
        System.out.println();
        System.out.println("To run the same with a real foundation model (downloads once into the Hugging Face cache):");
        System.out.println("  ./medino models pull dinov2-small        # or rad-dino, for chest X-rays");
        System.out.println("  ./medino embed --model dinov2-small --data " + manifest + " --out features-dinov2-small");
        System.out.println("  ./medino eval knn --train features-dinov2-small --test features-dinov2-small --out results-knn");
        return 0;
    }

    private static double parity(Path model, LoadedBackbone backbone) {
        Map<String, HostTensor> inputs = Safetensors.read(model.resolve("inputs.safetensors"));
        Map<String, HostTensor> expected = Safetensors.read(model.resolve("expected-official.safetensors"));
        double worst = 0;
        for (Map.Entry<String, HostTensor> e : TensorForward.run(backbone.model(), inputs, 3, false).entrySet()) {
            float[] x = e.getValue().toFloats();
            float[] y = expected.get(e.getKey()).toFloats();
            for (int i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
        }
        return worst;
    }
}
