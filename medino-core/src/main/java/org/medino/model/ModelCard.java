package org.medino.model;

/**
 * A public checkpoint: where it lives, what it is, and how it wants its images.
 *
 * @param name medino's name ({@code dinov2-small}, {@code rad-dino}, ...)
 * @param repoId the Hugging Face repository ({@code facebook/dinov2-small})
 * @param architecture the preset ({@code vits14}, ...)
 * @param registers whether the model has 4 register tokens
 * @param preprocessing the model's own input pipeline
 * @param description one line for listings
 */
public record ModelCard(
        String name, String repoId, String architecture, boolean registers, Preprocessing preprocessing, String description) {

    /** The architecture the card promises (the loader still checks the weights against it). */
    public DinoV2Config config() {
        return DinoV2Config.preset(architecture, registers);
    }
}
