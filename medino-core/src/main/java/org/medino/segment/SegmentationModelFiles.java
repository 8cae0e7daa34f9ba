package org.medino.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.checkpoint.AtomicFiles;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;

/**
 * A trained segmentation model on disk: {@code model.json} (what to rebuild and how to feed it)
 * and {@code weights.safetensors} (the network's parameters and batch-norm statistics; for a head,
 * the head only — the frozen backbone is referenced by path and sha256 and checked on load, never
 * copied).
 */
public final class SegmentationModelFiles {
    public static final String FORMAT = "medino.segmentation-model";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Everything needed to predict with the model.
     *
     * @param spec network kind, name, classes and padded input size
     * @param imageSize S, the side images are resized to
     * @param classes class names by label
     * @param sliceAxis how volumes are cut
     * @param intensity the intensity rule's option value
     * @param mean normalization mean (RGB)
     * @param std normalization std (RGB)
     * @param networkConfig the network's configuration as JSON
     * @param backbone for heads: {@code reference} (as given), {@code path}, {@code sha256}; null for baselines
     */
    public record Description(NetworkSpec spec, int imageSize, SegmentationClasses classes, SliceAxis sliceAxis, String intensity,
            double[] mean, double[] std, JsonNode networkConfig, Map<String, String> backbone) {}

    private SegmentationModelFiles() {}

    public static void save(Path dir, Description d, Map<String, HostTensor> weights) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", 1);
        root.put("kind", d.spec().kind());
        root.put("network", d.spec().name());
        root.put("num_classes", d.spec().classes());
        ArrayNode names = root.putArray("class_names");
        d.classes().names().forEach(names::add);
        root.put("image_size", d.imageSize());
        root.put("input_size", d.spec().inputSize());
        root.put("slice_axis", d.sliceAxis().text());
        root.put("intensity", d.intensity());
        ArrayNode mean = root.putArray("mean");
        for (double v : d.mean()) mean.add(v);
        ArrayNode std = root.putArray("std");
        for (double v : d.std()) std.add(v);
        root.set("network_config", d.networkConfig());
        if (d.backbone() != null) root.set("backbone", JSON.valueToTree(d.backbone()));
        Safetensors.write(dir.resolve("weights.safetensors"), weights, Map.of("format", FORMAT));
        String json;
        try {
            json = JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new MedinoException(dir + ": cannot write model.json: " + e.getMessage(), e);
        }
        AtomicFiles.writeText(dir.resolve("model.json"), json);
    }

    /** The folder holding model.json: {@code dir} itself or its {@code model} subfolder (a training run's --out). */
    public static Path resolve(Path dir) {
        if (Files.isRegularFile(dir.resolve("model.json"))) return dir;
        if (Files.isRegularFile(dir.resolve("model").resolve("model.json"))) return dir.resolve("model");
        throw new MedinoException(dir + ": no model.json here or in " + dir.resolve("model") + " (give the --out of medino segment train)");
    }

    public static Description readDescription(Path modelDir) {
        Path file = modelDir.resolve("model.json");
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new MedinoException(file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new MedinoException(file + ": not a medino segmentation model (format is not " + FORMAT + ")");
        }
        try {
            NetworkSpec spec = new NetworkSpec(root.get("kind").asText(), root.get("network").asText(), root.get("num_classes").asInt(),
                    root.get("input_size").asInt());
            List<String> names = new ArrayList<>();
            root.get("class_names").forEach(n -> names.add(n.asText()));
            Map<String, String> backbone = null;
            if (root.has("backbone")) {
                backbone = new java.util.LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : root.get("backbone").properties()) backbone.put(e.getKey(), e.getValue().asText());
            }
            return new Description(spec, root.get("image_size").asInt(), new SegmentationClasses(names),
                    new SliceAxis(root.get("slice_axis").asText()), root.get("intensity").asText(), doubles(root.get("mean")),
                    doubles(root.get("std")), root.get("network_config"), backbone);
        } catch (NullPointerException e) {
            throw new MedinoException(file + ": a required field is missing", e);
        }
    }

    public static Map<String, HostTensor> readWeights(Path modelDir) {
        return Safetensors.read(modelDir.resolve("weights.safetensors"));
    }

    private static double[] doubles(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) v[i] = node.get(i).asDouble();
        return v;
    }
}
