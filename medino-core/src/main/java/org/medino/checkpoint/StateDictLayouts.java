package org.medino.checkpoint;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medino.MedinoException;

/**
 * Finds the backbone inside a state dict and renames its keys to the official DINOv2 layout.
 *
 * <p>Handled: a prefix before the backbone ({@code dinov2.} of Dinov2ForImageClassification,
 * {@code backbone.} of training checkpoints, {@code module.} of DataParallel); block-chunked keys
 * ({@code blocks.C.N.…}, where N is already the global block index); and the Hugging Face names,
 * whose separate query/key/value projections are concatenated into the official qkv. Keys that
 * are not recognised keep their names, so that the strict loader reports them.
 */
public final class StateDictLayouts {
    private static final Pattern CHUNKED = Pattern.compile("^blocks\\.\\d+\\.(\\d+\\..*)$");
    private static final Pattern HF_LAYER = Pattern.compile("^encoder\\.layer\\.(\\d+)\\.(.*)$");
    private static final Map<String, String> HF_TOP = Map.of(
            "embeddings.cls_token", "cls_token",
            "embeddings.mask_token", "mask_token",
            "embeddings.position_embeddings", "pos_embed",
            "embeddings.register_tokens", "register_tokens",
            "embeddings.patch_embeddings.projection.weight", "patch_embed.proj.weight",
            "embeddings.patch_embeddings.projection.bias", "patch_embed.proj.bias",
            "layernorm.weight", "norm.weight",
            "layernorm.bias", "norm.bias");
    private static final Map<String, String> HF_BLOCK = Map.ofEntries(
            Map.entry("norm1.weight", "norm1.weight"),
            Map.entry("norm1.bias", "norm1.bias"),
            Map.entry("norm2.weight", "norm2.weight"),
            Map.entry("norm2.bias", "norm2.bias"),
            Map.entry("attention.output.dense.weight", "attn.proj.weight"),
            Map.entry("attention.output.dense.bias", "attn.proj.bias"),
            Map.entry("layer_scale1.lambda1", "ls1.gamma"),
            Map.entry("layer_scale2.lambda1", "ls2.gamma"),
            Map.entry("mlp.fc1.weight", "mlp.fc1.weight"),
            Map.entry("mlp.fc1.bias", "mlp.fc1.bias"),
            Map.entry("mlp.fc2.weight", "mlp.fc2.weight"),
            Map.entry("mlp.fc2.bias", "mlp.fc2.bias"),
            Map.entry("mlp.weights_in.weight", "mlp.w12.weight"),
            Map.entry("mlp.weights_in.bias", "mlp.w12.bias"),
            Map.entry("mlp.weights_out.weight", "mlp.w3.weight"),
            Map.entry("mlp.weights_out.bias", "mlp.w3.bias"));

    private StateDictLayouts() {}

    /** Locates the backbone in {@code raw} and returns it under official names. */
    public static BackboneStateDict toOfficial(String source, Map<String, HostTensor> raw) {
        for (KeyLayout layout : List.of(KeyLayout.OFFICIAL, KeyLayout.HUGGING_FACE)) {
            String prefix = findPrefix(source, raw, layout);
            if (prefix == null) {
                continue;
            }
            Map<String, HostTensor> backbone = new LinkedHashMap<>();
            List<String> ignored = new ArrayList<>();
            raw.forEach((key, tensor) -> {
                if (key.startsWith(prefix)) {
                    backbone.put(key.substring(prefix.length()), tensor);
                } else {
                    ignored.add(key);
                }
            });
            Map<String, HostTensor> official = layout == KeyLayout.OFFICIAL ? unchunk(backbone) : fromHuggingFace(source, backbone);
            return new BackboneStateDict(source, layout, official, ignored);
        }
        List<String> first = raw.keySet().stream().limit(6).toList();
        throw new MedinoException(source + ": not a DINOv2 backbone: no key ends in '" + KeyLayout.OFFICIAL.markerKey()
                + "' or '" + KeyLayout.HUGGING_FACE.markerKey() + "' (first keys: " + first + ")");
    }

    /**
     * The prefix before the layout's marker key, or null when the marker is absent. When several
     * backbones are present (student and teacher), the teacher's is taken, as DINOv2 evaluates it.
     */
    private static String findPrefix(String source, Map<String, HostTensor> raw, KeyLayout layout) {
        List<String> prefixes = new ArrayList<>();
        for (String key : raw.keySet()) {
            if (key.equals(layout.markerKey()) || key.endsWith("." + layout.markerKey())) {
                prefixes.add(key.substring(0, key.length() - layout.markerKey().length()));
            }
        }
        if (prefixes.size() <= 1) {
            return prefixes.isEmpty() ? null : prefixes.get(0);
        }
        List<String> teacher = prefixes.stream().filter(p -> ("." + p).contains(".teacher.")).toList();
        if (teacher.size() == 1) {
            return teacher.get(0);
        }
        throw new MedinoException(source + ": holds several backbones (prefixes " + prefixes + "); keep one of them");
    }

    /** {@code blocks.C.N.rest} → {@code blocks.N.rest}; other keys unchanged. */
    private static Map<String, HostTensor> unchunk(Map<String, HostTensor> tensors) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        tensors.forEach((key, tensor) -> {
            Matcher m = CHUNKED.matcher(key);
            out.put(m.matches() ? "blocks." + m.group(1) : key, tensor);
        });
        return out;
    }

    private static Map<String, HostTensor> fromHuggingFace(String source, Map<String, HostTensor> tensors) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        Map<String, Map<String, HostTensor>> qkvParts = new LinkedHashMap<>();
        tensors.forEach((key, tensor) -> {
            Matcher m = HF_LAYER.matcher(key);
            String rest = m.matches() ? m.group(2) : null;
            if (HF_TOP.containsKey(key)) {
                out.put(HF_TOP.get(key), tensor);
            } else if (rest != null && HF_BLOCK.containsKey(rest)) {
                out.put("blocks." + m.group(1) + "." + HF_BLOCK.get(rest), tensor);
            } else if (rest != null && rest.matches("attention\\.attention\\.(query|key|value)\\.(weight|bias)")) {
                qkvParts.computeIfAbsent(m.group(1), b -> new LinkedHashMap<>())
                        .put(rest.substring("attention.attention.".length()), tensor);
            } else {
                out.put(key, tensor); // unknown: the strict loader will name it
            }
        });
        qkvParts.forEach((block, parts) -> {
            for (String kind : List.of("weight", "bias")) {
                HostTensor q = parts.get("query." + kind);
                HostTensor k = parts.get("key." + kind);
                HostTensor v = parts.get("value." + kind);
                if (q == null && k == null && v == null) {
                    continue;
                }
                if (q == null || k == null || v == null) {
                    throw new MedinoException(source + ": encoder.layer." + block
                            + ".attention.attention has only some of query/key/value." + kind);
                }
                String name = "blocks." + block + ".attn.qkv." + kind;
                out.put(name, concatRows(source, name, q, k, v));
            }
        });
        return out;
    }

    /** Concatenates tensors along their first axis, as float32 (their source types may differ). */
    private static HostTensor concatRows(String source, String name, HostTensor... parts) {
        long[] shape = parts[0].shape();
        long rows = 0;
        for (HostTensor p : parts) {
            long[] s = p.shape();
            if (s.length != shape.length || s.length == 0 || !java.util.Arrays.equals(
                    java.util.Arrays.copyOfRange(s, 1, s.length), java.util.Arrays.copyOfRange(shape, 1, shape.length))) {
                throw new MedinoException(source + ": query/key/value parts of " + name + " have different shapes");
            }
            rows += s[0];
        }
        long[] outShape = shape.clone();
        outShape[0] = rows;
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(HostTensor.numel(outShape) * 4)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (HostTensor p : parts) {
            for (float f : p.toFloats()) {
                buffer.putFloat(f);
            }
        }
        buffer.flip();
        return new HostTensor(DType.F32, outShape, buffer);
    }
}
