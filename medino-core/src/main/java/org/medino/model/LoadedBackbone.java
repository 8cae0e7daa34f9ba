package org.medino.model;

import java.util.List;
import org.medino.checkpoint.KeyLayout;

/**
 * A model with its weights and what was learned while loading it.
 *
 * @param model the loaded transformer (close it to free its weights)
 * @param source where the weights came from
 * @param layout the key layout found
 * @param ignored keys outside the backbone that were left out (heads)
 * @param notes assumptions the user should know about
 */
public record LoadedBackbone(
        DinoVisionTransformer model, String source, KeyLayout layout, List<String> ignored, List<String> notes)
        implements AutoCloseable {

    public DinoV2Config config() {
        return model.config();
    }

    @Override
    public void close() {
        model.close();
    }
}
