package org.medino.model;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medino.checkpoint.BackboneStateDict;
import org.medino.checkpoint.CheckpointReader;
import org.medino.checkpoint.RawCheckpoint;
import org.medino.checkpoint.StateDictLayouts;

/** The front door: a checkpoint in any supported layout → a loaded, checked model. */
public final class Backbones {
    private Backbones() {}

    /**
     * How to override what a checkpoint says about itself.
     *
     * @param heads attention heads, or 0 to infer
     * @param posInterpolationFamily "official" or "hf" to force that family's rule, or null for the checkpoint's own
     */
    public record Options(int heads, String posInterpolationFamily) {
        public static final Options DEFAULTS = new Options(0, null);
    }

    /** Reads, checks and loads the checkpoint at {@code path} (file or Hugging Face folder). */
    public static LoadedBackbone load(Path path, Options options, NDManager manager) {
        RawCheckpoint raw = CheckpointReader.read(path);
        BackboneStateDict sd = StateDictLayouts.toOfficial(path.toString(), raw.tensors());
        List<String> notes = new ArrayList<>();
        DinoV2Config config = ArchitectureInference.infer(raw, sd, options.heads(), notes::add);
        if (options.posInterpolationFamily() != null) {
            boolean hf = switch (options.posInterpolationFamily()) {
                case "hf" -> true;
                case "official" -> false;
                default -> throw new org.medino.MedinoException("unknown position interpolation '"
                        + options.posInterpolationFamily() + "' (use official or hf)");
            };
            config = config.withPosInterpolation(PosInterpolation.forFamily(hf, config.numRegisters() > 0));
        }
        DinoVisionTransformer model = new DinoVisionTransformer(config, manager);
        try {
            StateDictLoader.load(model, sd);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return new LoadedBackbone(model, path.toString(), sd.layout(), sd.ignored(), notes);
    }
}
