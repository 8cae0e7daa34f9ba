package org.medino.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medino.MedinoException;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;
import org.medino.embed.TensorForward;
import org.medino.model.Backbones;
import org.medino.model.LoadedBackbone;
import org.medino.model.ModelLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medino forward}: run a backbone on tensors from a safetensors file, write every output. */
@Command(
        mixinStandardHelpOptions = true,
        name = "forward",
        description = {
            "Run a backbone on float32 image tensors [B,3,H,W] and write its outputs (interop and debugging).",
            "For each input K: K.cls, K.patch, K.registers (if any), K.last_hidden_state, and for the last N blocks",
            "(oldest first) K.intermediate.j.cls, K.intermediate.j.patch and K.intermediate_raw.j.patch."
        },
        footer = {"", "Example:", "  medino forward --model dinov2-small --tensors in.safetensors --out out.safetensors --layers 4"})
final class ForwardCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "M",
            description = "Checkpoint (.pth, .safetensors, Hugging Face folder) or a registered name (see: medino models list).")
    String model;

    @Option(names = "--tensors", required = true, paramLabel = "IN.safetensors", description = "Input images, float32 [B,3,H,W].")
    Path tensors;

    @Option(names = "--out", required = true, paramLabel = "OUT.safetensors", description = "Where to write the outputs.")
    Path out;

    @Option(names = "--layers", paramLabel = "N",
            description = "Intermediate blocks to write, the last N (default: 3, or the depth if smaller).")
    Integer layers;

    @Option(names = "--pos-interp", paramLabel = "official|hf",
            description = "Position-embedding interpolation rule (default: the checkpoint's own family).")
    String posInterp;

    @Option(names = "--heads", paramLabel = "N", defaultValue = "0",
            description = "Attention heads, for official checkpoints of non-standard width without an about.json.")
    int heads;

    @Option(names = "--pad", description = "Zero-pad images whose size is not a multiple of the patch (centred), instead of refusing them.")
    boolean pad;

    @Override
    public Integer call() {
        if (layers != null && layers < 0) {
            throw new MedinoException("--layers must be 0 or more, got " + layers);
        }
        if (posInterp != null && !posInterp.equals("official") && !posInterp.equals("hf")) {
            throw new MedinoException("--pos-interp must be official or hf, got '" + posInterp + "'");
        }
        Map<String, HostTensor> inputs = Safetensors.read(tensors);
        Path checkpoint = ModelLocator.locate(model);
        try (NDManager manager = NDManager.newBaseManager();
                LoadedBackbone backbone = Backbones.load(checkpoint, new Backbones.Options(heads, posInterp), manager)) {
            backbone.notes().forEach(note -> System.err.println("medino: note: " + note));
            int depth = backbone.config().depth();
            if (layers != null && layers > depth) {
                throw new MedinoException("--layers " + layers + " asks for more blocks than the model has (" + depth + ")");
            }
            int n = layers != null ? layers : Math.min(3, depth);
            TensorForward.validate(tensors.toString(), inputs, backbone.config(), pad);
            Map<String, HostTensor> outputs = TensorForward.run(backbone.model(), inputs, n, pad);
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("model", model);
            metadata.put("layout", backbone.layout().name().toLowerCase(java.util.Locale.ROOT));
            metadata.put("architecture", backbone.config().describe());
            metadata.put("pos_interpolation", backbone.config().posInterpolation().toString());
            metadata.put("layers", Integer.toString(n));
            Safetensors.write(out, outputs, metadata);
            System.out.println("wrote " + outputs.size() + " tensors to " + out + " (" + backbone.config().describe() + ")");
        }
        return 0;
    }
}
