package org.medino.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.medino.model.DinoFeatures;
import org.medino.model.DinoVisionTransformer;
import org.medino.nn.Module;

/**
 * A head on a frozen DINOv2: the backbone gives the normalized patch-token maps of its last blocks
 * ({@code get_intermediate_layers(..., norm=True)} reshaped to {@code [B, D, h, w]}), the head turns
 * them into logits at the input size. Only the head is trainable; the backbone is shared between
 * networks and never closed here. With a {@link FeatureCache} and keys, the maps of a plane are
 * computed once.
 *
 * <p>A backbone with fewer blocks than the head reads (a small test model) gives all it has, and
 * its oldest block stands in for the missing older ones, so the head keeps its shape.
 */
final class HeadNetwork extends ModuleNetwork {
    private final DinoVisionTransformer backbone;
    private final FeatureSegmenter head;
    private final FeatureCache cache;

    <T extends Module & FeatureSegmenter> HeadNetwork(DinoVisionTransformer backbone, T head, FeatureCache cache) {
        super(head);
        this.backbone = backbone;
        this.head = head;
        this.cache = cache;
    }

    @Override
    public NDArray forward(NDArray images, boolean training, String[] keys) {
        module.train(training);
        long[] s = images.getShape().getShape();
        return head.forward(maps(images, keys), (int) s[2], (int) s[3]);
    }

    /** The last blocks' maps, oldest first, in the images' manager; the oldest repeated if the backbone is too shallow. */
    private List<NDArray> maps(NDArray images, String[] keys) {
        List<NDArray> maps = backboneMaps(images, keys);
        while (maps.size() < head.blocksUsed()) maps.add(0, maps.get(0));
        return maps;
    }

    private List<NDArray> backboneMaps(NDArray images, String[] keys) {
        int blocks = Math.min(head.blocksUsed(), backbone.config().depth());
        NDManager m = images.getManager();
        int batch = (int) images.getShape().get(0);
        if (cache != null && keys != null) {
            float[][][] cached = new float[batch][][];
            boolean all = true;
            for (int i = 0; i < batch && all; i++) {
                cached[i] = cache.get(keys[i]);
                all = cached[i] != null;
            }
            if (all) return fromHost(m, cached, images);
        }
        DinoFeatures f = backbone.forward(images, blocks);
        List<NDArray> maps = new ArrayList<>();
        for (int j = 0; j < blocks; j++) maps.add(f.asMap(f.intermediatePatch(j)));
        if (cache != null && keys != null) {
            for (int i = 0; i < batch; i++) {
                float[][] perBlock = new float[blocks][];
                for (int j = 0; j < blocks; j++) perBlock[j] = maps.get(j).get(i).toFloatArray();
                cache.put(keys[i], perBlock);
            }
        }
        return maps;
    }

    private List<NDArray> fromHost(NDManager m, float[][][] cached, NDArray images) {
        int batch = cached.length;
        int blocks = cached[0].length;
        long d = backbone.config().embedDim();
        long p = backbone.config().patchSize();
        long h = images.getShape().get(2) / p;
        long w = images.getShape().get(3) / p;
        List<NDArray> maps = new ArrayList<>();
        for (int j = 0; j < blocks; j++) {
            float[] all = new float[(int) (batch * d * h * w)];
            for (int i = 0; i < batch; i++) System.arraycopy(cached[i][j], 0, all, (int) (i * d * h * w), (int) (d * h * w));
            maps.add(m.create(all, new Shape(batch, d, h, w)));
        }
        return maps;
    }

    @Override
    public int sizeMultiple() {
        return backbone.config().patchSize();
    }
}
