package org.medino.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.medino.MedinoException;
import org.medino.checkpoint.hub.HfCache;
import org.medino.checkpoint.hub.HfEnvironment;

/**
 * Turns what a user typed after {@code --model} into a checkpoint on disk: an existing file or
 * folder as is; a registered name ({@code dinov2-small}) or a Hugging Face id ({@code
 * facebook/dinov2-small}) through the local Hugging Face cache, which a user's own Python tools
 * may have filled already. Nothing is downloaded here: that is {@code medino models pull}.
 */
public final class ModelLocator {
    private ModelLocator() {}

    public static Path locate(String reference) {
        return locate(reference, HfEnvironment.fromSystem());
    }

    public static Path locate(String reference, HfEnvironment env) {
        Path path = Path.of(reference);
        if (Files.exists(path)) {
            return path;
        }
        Optional<ModelCard> card = ModelRegistry.find(reference);
        String repoId = card.map(ModelCard::repoId).orElse(reference);
        if (card.isEmpty() && !reference.matches("[\\w.-]+/[\\w.-]+")) {
            throw new MedinoException("'" + reference + "' is neither a file or folder nor a known model ("
                    + String.join(", ", ModelRegistry.all().stream().map(ModelCard::name).toList()) + ")");
        }
        return new HfCache(env.hubCache()).safetensorsModel(repoId, "main").orElseThrow(() -> new MedinoException(
                "model '" + reference + "' (" + repoId + ") is not in the Hugging Face cache at " + env.hubCache()
                        + "; fetch it with: medino models pull " + reference));
    }
}
