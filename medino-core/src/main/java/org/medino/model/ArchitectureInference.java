package org.medino.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medino.MedinoException;
import org.medino.checkpoint.BackboneStateDict;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.KeyLayout;
import org.medino.checkpoint.RawCheckpoint;

/**
 * Works out a checkpoint's architecture from its tensors, then checks it against what the
 * checkpoint's own description says ({@code config.json} or the constructor arguments beside an
 * official file). The tensors tell width, depth, patch size, registers, grid, feed-forward type and
 * which optional parts exist; the head count is not in any tensor, so it comes from the
 * description, the caller, the public DINOv2 widths, or DINOv2's 64-wide heads, in that order.
 */
public final class ArchitectureInference {
    private static final Pattern BLOCK = Pattern.compile("^blocks\\.(\\d+)\\.");

    private ArchitectureInference() {}

    /**
     * @param heads heads asked for by the caller, or 0
     * @param notes receives what the user should know (assumptions made)
     */
    public static DinoV2Config infer(RawCheckpoint raw, BackboneStateDict sd, int heads, Consumer<String> notes) {
        Map<String, HostTensor> t = sd.tensors();
        String src = sd.source();
        long[] patchW = require(src, t, "patch_embed.proj.weight", 4);
        int dim = (int) patchW[0];
        int inChans = (int) patchW[1];
        int patch = (int) patchW[2];
        if (patchW[3] != patch) {
            throw new MedinoException(src + ": patch_embed.proj.weight " + shape(patchW) + " is not a square patch");
        }
        long[] pos = require(src, t, "pos_embed", 3);
        int grid = (int) Math.round(Math.sqrt(pos[1] - 1));
        if (pos[1] < 2 || (long) grid * grid != pos[1] - 1) {
            throw new MedinoException(src + ": pos_embed " + shape(pos) + " is not 1 + M*M positions of a square grid");
        }
        int registers = t.containsKey("register_tokens") ? (int) require(src, t, "register_tokens", 3)[1] : 0;
        int depth = 1 + t.keySet().stream().map(BLOCK::matcher).filter(Matcher::find)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max()
                .orElseThrow(() -> new MedinoException(src + ": no transformer blocks (no keys blocks.N.*)"));
        FfnType ffn;
        int hidden;
        if (t.containsKey("blocks.0.mlp.w12.weight")) {
            ffn = FfnType.SWIGLU;
            hidden = (int) require(src, t, "blocks.0.mlp.w12.weight", 2)[0] / 2;
        } else if (t.containsKey("blocks.0.mlp.fc1.weight")) {
            ffn = FfnType.MLP;
            hidden = (int) require(src, t, "blocks.0.mlp.fc1.weight", 2)[0];
        } else {
            throw new MedinoException(src + ": block 0 has neither mlp.fc1.weight (MLP) nor mlp.w12.weight (SwiGLU)");
        }
        boolean layerScale = t.containsKey("blocks.0.ls1.gamma");
        DinoV2Config.Biases biases = new DinoV2Config.Biases(
                t.containsKey("blocks.0.attn.qkv.bias"),
                t.containsKey("blocks.0.attn.proj.bias"),
                t.containsKey("blocks.0.mlp." + (ffn == FfnType.SWIGLU ? "w12" : "fc1") + ".bias"));
        double eps = raw.hfConfig() != null ? raw.hfConfig().path("layer_norm_eps").asDouble(1e-6) : 1e-6;
        int numHeads = heads(raw, src, dim, heads, notes);
        boolean hf = sd.layout() == KeyLayout.HUGGING_FACE;
        PosInterpolation rule = PosInterpolation.forFamily(hf, registers > 0);
        JsonNode side = raw.sidecar();
        if (side != null && (side.has("interpolate_offset") || side.has("interpolate_antialias"))) {
            rule = new PosInterpolation(side.path("interpolate_offset").asDouble(0.0), side.path("interpolate_antialias").asBoolean(false));
        }
        DinoV2Config config = new DinoV2Config(patch, inChans, dim, depth, numHeads, ffn, hidden, registers, grid, eps,
                layerScale, biases, rule);
        checkAgainstDescriptions(raw, config);
        return config;
    }

    private static int heads(RawCheckpoint raw, String src, int dim, int asked, Consumer<String> notes) {
        if (asked > 0) {
            return asked;
        }
        if (raw.hfConfig() != null && raw.hfConfig().has("num_attention_heads")) {
            return raw.hfConfig().get("num_attention_heads").asInt();
        }
        if (raw.sidecar() != null && raw.sidecar().has("num_heads")) {
            return raw.sidecar().get("num_heads").asInt();
        }
        int known = DinoV2Config.publicHeadCount(dim);
        if (known > 0) {
            return known;
        }
        if (dim % 64 == 0) {
            notes.accept(src + ": the head count is not stored in the weights; assuming DINOv2's 64-wide heads ("
                    + dim / 64 + " heads). Give the right count with --heads if this checkpoint differs.");
            return dim / 64;
        }
        throw new MedinoException(src + ": the head count of a " + dim + "-wide model is not stored in the weights;"
                + " give it with --heads, or put the constructor arguments (num_heads) in an about.json beside the file");
    }

    /** The architecture must agree with config.json / the sidecar wherever they speak. */
    private static void checkAgainstDescriptions(RawCheckpoint raw, DinoV2Config c) {
        JsonNode hf = raw.hfConfig();
        if (hf != null) {
            String file = raw.source() + (raw.source().toFile().isDirectory() ? "/config.json" : " (config.json)");
            agree(file, hf, "hidden_size", c.embedDim());
            agree(file, hf, "num_hidden_layers", c.depth());
            agree(file, hf, "patch_size", c.patchSize());
            agree(file, hf, "num_channels", c.inChans());
            agree(file, hf, "num_register_tokens", c.numRegisters());
            if (hf.has("image_size")) {
                agree(file, "image_size / patch_size", hf.get("image_size").asInt() / c.patchSize(), c.gridSize());
            }
            if (hf.has("use_swiglu_ffn")) {
                agree(file, "use_swiglu_ffn", hf.get("use_swiglu_ffn").asBoolean() ? 1 : 0, c.ffn() == FfnType.SWIGLU ? 1 : 0);
            }
        }
        JsonNode side = raw.sidecar();
        if (side != null) {
            String file = String.valueOf(raw.sidecarFile());
            agree(file, side, "embed_dim", c.embedDim());
            agree(file, side, "depth", c.depth());
            agree(file, side, "patch_size", c.patchSize());
            agree(file, side, "num_register_tokens", c.numRegisters());
            agree(file, side, "in_chans", c.inChans());
            if (side.has("img_size")) {
                agree(file, "img_size / patch_size", side.get("img_size").asInt() / c.patchSize(), c.gridSize());
            }
            if (side.has("ffn_layer")) {
                boolean swiglu = side.get("ffn_layer").asText().startsWith("swiglu");
                agree(file, "ffn_layer", swiglu ? 1 : 0, c.ffn() == FfnType.SWIGLU ? 1 : 0);
            }
        }
    }

    private static void agree(String file, JsonNode node, String field, int actual) {
        if (node.has(field)) {
            agree(file, field, node.get(field).asInt(), actual);
        }
    }

    private static void agree(String file, String field, int said, int actual) {
        if (said != actual) {
            throw new MedinoException(file + ": says " + field + " = " + said + " but the weights have " + actual);
        }
    }

    private static long[] require(String src, Map<String, HostTensor> t, String key, int rank) {
        HostTensor tensor = t.get(key);
        if (tensor == null) {
            throw new MedinoException(src + ": missing key " + key);
        }
        long[] s = tensor.shape();
        if (s.length != rank) {
            throw new MedinoException(src + ": " + key + " has shape " + shape(s) + ", expected rank " + rank);
        }
        return s;
    }

    private static String shape(long[] s) {
        return java.util.Arrays.toString(s);
    }
}
