package org.medino.segment.job;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.checkpoint.CheckpointHash;
import org.medino.model.Backbones;
import org.medino.model.LoadedBackbone;
import org.medino.model.ModelCard;
import org.medino.model.ModelLocator;
import org.medino.model.ModelRegistry;
import org.medino.model.Preprocessing;

/** A frozen backbone with where it came from, as a segmentation model records it. */
final class LoadedBackboneRef {
    private LoadedBackboneRef() {}

    /** The reference, resolved path and sha256 of a backbone given as a path or registered name. */
    static Map<String, String> describe(String reference) {
        Path path = ModelLocator.locate(reference).toAbsolutePath();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("reference", reference);
        out.put("path", path.toString());
        out.put("sha256", CheckpointHash.sha256(path));
        return out;
    }

    /** Loads the backbone a saved model names, refusing other weights than those it was trained on. */
    static LoadedBackbone loadRecorded(Map<String, String> recorded, NDManager manager) {
        Path path = Path.of(recorded.get("path"));
        if (!Files.exists(path)) path = ModelLocator.locate(recorded.get("reference"));
        String sha = CheckpointHash.sha256(path);
        if (!sha.equals(recorded.get("sha256"))) {
            throw new MedinoException(path + ": the backbone's sha256 " + sha + " is not the one the head was trained on ("
                    + recorded.get("sha256") + ")");
        }
        return Backbones.load(path, Backbones.Options.DEFAULTS, manager);
    }

    static LoadedBackbone load(Map<String, String> described, NDManager manager) {
        return Backbones.load(Path.of(described.get("path")), Backbones.Options.DEFAULTS, manager);
    }

    /** The registered model's normalization, or ImageNet's (DINOv2's) for anything else. */
    static Preprocessing preprocessing(String reference) {
        return reference == null ? Preprocessing.DINOV2
                : ModelRegistry.find(reference).map(ModelCard::preprocessing).orElse(Preprocessing.DINOV2);
    }
}
