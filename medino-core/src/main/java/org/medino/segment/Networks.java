package org.medino.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.medino.MedinoException;
import org.medino.model.DinoVisionTransformer;
import org.medino.nn.ModuleContext;
import ai.djl.ndarray.NDManager;

/**
 * Builds the networks by name, and turns their configurations to and from JSON so that a saved
 * model can be rebuilt exactly. Baselines take 3-channel input (grey repeated), like the heads, so
 * all networks see the same tensors.
 */
public final class Networks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Networks() {}

    /** The default configuration of {@code spec} (heads need the backbone's width and depth). */
    public static Object defaultConfig(NetworkSpec spec, int embedDim, int depth) {
        int k = spec.classes();
        if (spec.isHead()) {
            return switch (spec.name()) {
                case "linear" -> new LinearHeadConfig(embedDim, k);
                case "multilayer" -> new MultiLayerHeadConfig(embedDim, k, Math.min(4, depth));
                default -> new DinoUNetHeadConfig(embedDim, k);
            };
        }
        return switch (spec.name()) {
            case "unet" -> new UNetConfig(3, k);
            default -> TransUNetConfig.r50VitB16(3, k, spec.inputSize(), spec.inputSize());
        };
    }

    public static JsonNode toJson(Object config) {
        return JSON.valueToTree(config);
    }

    public static Object fromJson(NetworkSpec spec, JsonNode node) {
        Class<?> type = spec.isHead()
                ? switch (spec.name()) {
                    case "linear" -> LinearHeadConfig.class;
                    case "multilayer" -> MultiLayerHeadConfig.class;
                    default -> DinoUNetHeadConfig.class;
                }
                : spec.name().equals("unet") ? UNetConfig.class : TransUNetConfig.class;
        try {
            return JSON.treeToValue(node, type);
        } catch (Exception e) {
            throw new MedinoException("model.json: the network configuration does not fit a " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /** A factory of fresh networks of this kind; heads share {@code backbone} (null for baselines). */
    public static NetworkFactory factory(NDManager manager, NetworkSpec spec, Object config, DinoVisionTransformer backbone,
            FeatureCache cache) {
        return seed -> create(manager, spec, config, backbone, cache, seed);
    }

    static SegmentationNetwork create(NDManager manager, NetworkSpec spec, Object config, DinoVisionTransformer backbone,
            FeatureCache cache, long seed) {
        ModuleContext context = ModuleContext.create(manager, seed);
        if (spec.isHead()) {
            if (backbone == null) throw new IllegalArgumentException("a head needs a backbone");
            return switch (spec.name()) {
                case "linear" -> new HeadNetwork(backbone, new LinearHead(context, (LinearHeadConfig) config), cache);
                case "multilayer" -> new HeadNetwork(backbone, new MultiLayerHead(context, (MultiLayerHeadConfig) config), cache);
                default -> new HeadNetwork(backbone, new DinoUNetHead(context, (DinoUNetHeadConfig) config), cache);
            };
        }
        return switch (spec.name()) {
            case "unet" -> new BaselineNetwork(new UNet(context, (UNetConfig) config));
            default -> new BaselineNetwork(new TransUNet(context, (TransUNetConfig) config));
        };
    }
}
