package org.medino.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medino.MedinoException;

/**
 * The DINOv2 vision transformer, readable top to bottom: patch embedding, CLS token, optional
 * register tokens, position embeddings resized to the input's grid, pre-norm blocks with
 * LayerScale, final LayerNorm. Parameter names are the official ones ({@code blocks.3.attn.qkv.weight}).
 *
 * <p>Weights live in the model's own manager; a forward pass creates everything in the manager of
 * its input, so callers run it inside a scope that they close, and memory stays flat.
 */
public final class DinoVisionTransformer implements AutoCloseable {
    private final DinoV2Config config;
    private final NDManager manager;
    private final ParamRegistry registry = new ParamRegistry();
    private final Param clsToken;
    private final Param posEmbed;
    private final Param registerTokens;
    private final Param maskToken;
    private final PatchEmbed patchEmbed;
    private final List<Block> blocks = new ArrayList<>();
    private final LayerNorm norm;
    /** Resized position embeddings by grid, owned by the model (cleared when weights change). */
    private final Map<List<Integer>, NDArray> posCache = new HashMap<>();

    /** Declares the parameters of {@code config}; they must be loaded before use (see {@link StateDictLoader}). */
    public DinoVisionTransformer(DinoV2Config config, NDManager parent) {
        this.config = config;
        this.manager = parent.newSubManager();
        int d = config.embedDim();
        this.clsToken = registry.declare("cls_token", 1, 1, d);
        this.posEmbed = registry.declare("pos_embed", 1, 1 + (long) config.gridSize() * config.gridSize(), d);
        this.registerTokens = config.numRegisters() > 0 ? registry.declare("register_tokens", 1, config.numRegisters(), d) : null;
        this.maskToken = registry.declare("mask_token", 1, d);
        this.patchEmbed = new PatchEmbed(registry, "patch_embed.", config.inChans(), d, config.patchSize());
        for (int i = 0; i < config.depth(); i++) {
            blocks.add(new Block(registry, "blocks." + i + ".", config));
        }
        this.norm = new LayerNorm(registry, "norm.", d, config.layerNormEps());
    }

    public DinoV2Config config() {
        return config;
    }

    /** The manager that owns the weights. */
    public NDManager manager() {
        return manager;
    }

    /** Declared parameters by official name, in declaration order. */
    public Map<String, Param> parameters() {
        return registry.all();
    }

    /** Sets one parameter; called by the strict loader only, after every key was checked. */
    void setParameter(String name, NDArray value) {
        value.attach(manager);
        registry.all().get(name).set(value);
        synchronized (posCache) {
            posCache.values().forEach(NDArray::close);
            posCache.clear();
        }
    }

    /** Forward pass without masking; see {@link #forward(NDArray, int, NDArray)}. */
    public DinoFeatures forward(NDArray images, int lastBlocks) {
        return forward(images, lastBlocks, null);
    }

    /**
     * Runs the model on {@code images} [B, C, H, W] (H and W multiples of the patch size; see
     * {@link Padding} for other sizes) and keeps the outputs of the last {@code lastBlocks} blocks.
     *
     * @param masks optional boolean [B, T]: patches replaced by the mask token (iBOT-style)
     */
    public DinoFeatures forward(NDArray images, int lastBlocks, NDArray masks) {
        checkInput(images.getShape());
        if (lastBlocks < 0 || lastBlocks > config.depth()) {
            throw new MedinoException("cannot keep the last " + lastBlocks + " blocks of a model with " + config.depth());
        }
        NDManager scope = images.getManager();
        int gridH = (int) images.getShape().get(2) / config.patchSize();
        int gridW = (int) images.getShape().get(3) / config.patchSize();
        NDArray x = prepareTokens(images, masks, gridH, gridW, scope);
        List<NDArray> raw = new ArrayList<>();
        int firstKept = blocks.size() - lastBlocks;
        boolean keptX = false; // the token input is never an output
        for (int i = 0; i < blocks.size(); i++) {
            NDArray out = blocks.get(i).forward(x);
            if (!keptX) {
                x.close();
            }
            x = out;
            keptX = i >= firstKept;
            if (keptX) {
                raw.add(x);
            }
        }
        NDArray normed = norm.forward(x);
        if (!keptX) {
            x.close();
        }
        List<NDArray> intermediateNormed = new ArrayList<>();
        for (int j = 0; j < raw.size(); j++) {
            intermediateNormed.add(j == raw.size() - 1 ? normed : norm.forward(raw.get(j)));
        }
        int r = config.numRegisters();
        NDArray cls = normed.get(":, 0, :");
        NDArray registers = normed.get(":, 1:" + (1 + r) + ", :");
        NDArray patch = normed.get(":, " + (1 + r) + ":, :");
        return new DinoFeatures(cls, patch, registers, normed, raw, intermediateNormed, gridH, gridW, r);
    }

    private void checkInput(Shape shape) {
        int p = config.patchSize();
        if (shape.dimension() != 4) {
            throw new MedinoException("images must be [B, C, H, W], got " + shape);
        }
        if (shape.get(1) != config.inChans()) {
            throw new MedinoException("images have " + shape.get(1) + " channels, the model takes " + config.inChans());
        }
        if (shape.get(2) % p != 0 || shape.get(3) % p != 0 || shape.get(2) == 0 || shape.get(3) == 0) {
            throw new MedinoException("image size " + shape.get(2) + "x" + shape.get(3) + " is not a multiple of the patch size "
                    + p + ": resize or crop to a multiple (e.g. " + Math.max(p, shape.get(2) / p * p) + "x"
                    + Math.max(p, shape.get(3) / p * p) + "), or ask for padding");
        }
    }

    /** Patch embedding, mask token, CLS, position embedding, then registers (which get no position). */
    private NDArray prepareTokens(NDArray images, NDArray masks, int gridH, int gridW, NDManager scope) {
        long b = images.getShape().get(0);
        int d = config.embedDim();
        NDArray x = patchEmbed.forward(images);
        if (masks != null) {
            NDArray token = Scopes.adopt(maskToken.array().reshape(1, 1, d), scope);
            // DJL's where does not broadcast: give the condition the full [B, T, D] shape
            NDArray column = masks.expandDims(-1);
            NDArray condition = column.broadcast(x.getShape());
            NDArray tokens = token.broadcast(x.getShape());
            NDArray masked = NDArrays.where(condition, tokens, x);
            tokens.close();
            column.close();
            condition.close();
            token.close();
            x.close();
            x = masked;
        }
        NDArray cls = Scopes.adopt(clsToken.array().broadcast(b, 1, d), scope);
        NDArray withCls = NDArrays.concat(new NDList(cls, x), 1);
        cls.close();
        x.close();
        NDArray withPos = withCls.add(positionEmbedding(gridH, gridW));
        withCls.close();
        if (registerTokens == null) {
            return withPos;
        }
        NDArray regs = Scopes.adopt(registerTokens.array().broadcast(b, config.numRegisters(), d), scope);
        NDArray head = withPos.get(":, :1, :");
        NDArray tail = withPos.get(":, 1:, :");
        NDArray out = NDArrays.concat(new NDList(head, regs, tail), 1);
        head.close();
        tail.close();
        regs.close();
        withPos.close();
        return out;
    }

    /**
     * The position embeddings [1, 1 + gridH·gridW, D] for a grid; as the reference, the learned
     * ones are used as they are only when the grid is the learned square one.
     */
    private NDArray positionEmbedding(int gridH, int gridW) {
        int m = config.gridSize();
        if (gridH == m && gridW == m) {
            return posEmbed.array();
        }
        synchronized (posCache) {
            return posCache.computeIfAbsent(List.of(gridH, gridW), k -> interpolatePositions(gridH, gridW));
        }
    }

    private NDArray interpolatePositions(int gridH, int gridW) {
        int m = config.gridSize();
        int d = config.embedDim();
        float[] all = posEmbed.array().toFloatArray();
        // [M·M, D] token-major → [D, M, M] channel-first for the resize, and back.
        float[] grid = new float[d * m * m];
        for (int t = 0; t < m * m; t++) {
            for (int c = 0; c < d; c++) {
                grid[c * m * m + t] = all[(1 + t) * d + c];
            }
        }
        float[] resized = config.posInterpolation().apply(grid, d, m, gridH, gridW);
        int tokens = gridH * gridW;
        float[] out = new float[(1 + tokens) * d];
        System.arraycopy(all, 0, out, 0, d);
        for (int t = 0; t < tokens; t++) {
            for (int c = 0; c < d; c++) {
                out[(1 + t) * d + c] = resized[c * tokens + t];
            }
        }
        return manager.create(out, new Shape(1, 1 + tokens, d));
    }

    @Override
    public void close() {
        manager.close();
    }
}
