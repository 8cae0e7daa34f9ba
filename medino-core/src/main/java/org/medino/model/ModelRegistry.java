package org.medino.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medino.MedinoException;

/** The named public checkpoints medino knows, as timm keeps a pretrained config next to each model. */
public final class ModelRegistry {
    private static final Map<String, ModelCard> CARDS = new LinkedHashMap<>();

    static {
        String[][] sizes = {{"small", "vits14", "ViT-S/14"}, {"base", "vitb14", "ViT-B/14"},
                {"large", "vitl14", "ViT-L/14"}, {"giant", "vitg14", "ViT-g/14"}};
        for (String[] s : sizes) {
            add(new ModelCard("dinov2-" + s[0], "facebook/dinov2-" + s[0], s[1], false, Preprocessing.DINOV2,
                    "DINOv2 " + s[2] + " (Meta, natural images)"));
        }
        for (String[] s : sizes) {
            add(new ModelCard("dinov2-" + s[0] + "-reg", "facebook/dinov2-with-registers-" + s[0], s[1], true, Preprocessing.DINOV2,
                    "DINOv2 " + s[2] + " with 4 registers (Meta, natural images)"));
        }
        add(new ModelCard("rad-dino", "microsoft/rad-dino", "vitb14", false, Preprocessing.RAD_DINO,
                "RAD-DINO ViT-B/14 (Microsoft, chest X-rays)"));
    }

    private ModelRegistry() {}

    private static void add(ModelCard card) {
        CARDS.put(card.name(), card);
    }

    public static List<ModelCard> all() {
        return List.copyOf(CARDS.values());
    }

    public static Optional<ModelCard> find(String name) {
        return Optional.ofNullable(CARDS.get(name));
    }

    /** The card of {@code name}, or an error listing the known names. */
    public static ModelCard get(String name) {
        return find(name).orElseThrow(() -> new MedinoException(
                "unknown model '" + name + "': not a file or folder, and not one of " + String.join(", ", CARDS.keySet())));
    }
}
