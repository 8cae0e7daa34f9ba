package org.medino.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medino.MedinoException;

/**
 * Reads a checkpoint in any supported container, without interpreting its keys:
 *
 * <ul>
 *   <li>a Hugging Face model folder: {@code config.json} with {@code model.safetensors}, a sharded
 *       {@code model.safetensors.index.json}, or {@code pytorch_model.bin};
 *   <li>a {@code .safetensors} file;
 *   <li>a PyTorch {@code .pth}/{@code .pt}/{@code .bin} (zip and pickle, read by the restricted
 *       unpickler); nested dicts such as {@code {"teacher": {...}}} are flattened with dots.
 * </ul>
 *
 * Beside a single file, an {@code about.json} or {@code <stem>.json} holding the DINOv2
 * constructor arguments (optionally under {@code "constructor"}) supplies what tensors cannot
 * tell: the number of heads and the interpolation rule.
 */
public final class CheckpointReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointReader() {}

    public static RawCheckpoint read(Path path) {
        if (!Files.exists(path)) {
            throw new MedinoException(path + ": no such file or folder");
        }
        if (Files.isDirectory(path)) {
            return readHuggingFaceFolder(path);
        }
        Map<String, HostTensor> tensors = readFile(path);
        // A Hugging Face weights file given directly: its folder's config.json still applies.
        Path configFile = path.resolveSibling("config.json");
        JsonNode hfConfig = Files.isRegularFile(configFile) ? readJson(configFile) : null;
        if (hfConfig != null && !hfConfig.has("hidden_size")) {
            hfConfig = null; // some other tool's config
        }
        Path sidecarFile = findSidecar(path);
        JsonNode sidecar = null;
        if (sidecarFile != null) {
            JsonNode root = readJson(sidecarFile);
            sidecar = root.has("constructor") ? root.get("constructor") : root;
        }
        return new RawCheckpoint(path, tensors, hfConfig, sidecar, sidecarFile);
    }

    private static RawCheckpoint readHuggingFaceFolder(Path dir) {
        Path config = dir.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            throw new MedinoException(dir + ": a model folder needs a config.json (Hugging Face layout)");
        }
        JsonNode hfConfig = readJson(config);
        Path index = dir.resolve("model.safetensors.index.json");
        Map<String, HostTensor> tensors;
        if (Files.isRegularFile(index)) {
            tensors = readShards(index);
        } else if (Files.isRegularFile(dir.resolve("model.safetensors"))) {
            tensors = Safetensors.read(dir.resolve("model.safetensors"));
        } else if (Files.isRegularFile(dir.resolve("pytorch_model.bin"))) {
            tensors = flatten(dir.resolve("pytorch_model.bin"), PthReader.read(dir.resolve("pytorch_model.bin")));
        } else {
            throw new MedinoException(dir + ": no weights: expected model.safetensors, model.safetensors.index.json or pytorch_model.bin");
        }
        return new RawCheckpoint(dir, tensors, hfConfig, null, null);
    }

    /** Reads every shard named by the index and checks that each key sits in the shard the index names. */
    private static Map<String, HostTensor> readShards(Path index) {
        JsonNode weightMap = readJson(index).path("weight_map");
        if (!weightMap.isObject() || weightMap.isEmpty()) {
            throw new MedinoException(index + ": has no weight_map");
        }
        Set<String> shards = new LinkedHashSet<>();
        weightMap.fields().forEachRemaining(e -> shards.add(e.getValue().asText()));
        Map<String, HostTensor> all = new LinkedHashMap<>();
        for (String shard : shards) {
            Path file = index.resolveSibling(shard).normalize();
            if (!file.startsWith(index.getParent().normalize()) || !Files.isRegularFile(file)) {
                throw new MedinoException(index + ": shard '" + shard + "' is missing");
            }
            Safetensors.read(file).forEach((key, tensor) -> {
                if (!shard.equals(weightMap.path(key).asText(null))) {
                    throw new MedinoException(file + ": tensor '" + key + "' is not listed for this shard in " + index.getFileName());
                }
                all.put(key, tensor);
            });
        }
        List<String> absent = new ArrayList<>();
        weightMap.fieldNames().forEachRemaining(k -> {
            if (!all.containsKey(k)) absent.add(k);
        });
        if (!absent.isEmpty()) {
            throw new MedinoException(index + ": tensors listed but not found in their shards: " + absent);
        }
        return all;
    }

    private static Map<String, HostTensor> readFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".safetensors")) {
            return Safetensors.read(file);
        }
        if (name.endsWith(".pth") || name.endsWith(".pt") || name.endsWith(".bin") || name.endsWith(".ckpt") || startsWithZipMagic(file)) {
            return flatten(file, PthReader.read(file));
        }
        return Safetensors.read(file);
    }

    private static boolean startsWithZipMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && magic[0] == 'P' && magic[1] == 'K';
        } catch (IOException e) {
            throw new MedinoException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Flattens nested dicts and lists to dotted keys, keeping only the tensors. */
    static Map<String, HostTensor> flatten(Path file, Object root) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        flattenInto("", root, out);
        if (out.isEmpty()) {
            throw new MedinoException(file + ": holds no tensors");
        }
        return out;
    }

    private static void flattenInto(String prefix, Object node, Map<String, HostTensor> out) {
        if (node instanceof HostTensor tensor) {
            out.put(prefix, tensor);
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flattenInto(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flattenInto(prefix.isEmpty() ? String.valueOf(i) : prefix + "." + i, list.get(i), out);
            }
        }
    }

    private static Path findSidecar(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        for (String candidate : List.of(stem + ".json", "about.json")) {
            Path p = file.resolveSibling(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    static JsonNode readJson(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new MedinoException(file + ": expected a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new MedinoException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }
}
