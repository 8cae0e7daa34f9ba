package org.medino.segment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.model.Backbones;
import org.medino.model.LoadedBackbone;
import org.medino.model.RandomCheckpoint;
import org.medino.nn.ModuleContext;

class HeadNetworkTest {
    @TempDir
    Path dir;

    @Test
    void cachedFeaturesGiveTheSameLogitsAsTheBackbone() {
        Path checkpoint = RandomCheckpoint.write(dir, 24, 5, 2, 3);
        float[] pixels = new float[2 * 3 * 28 * 28];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < pixels.length; i++) pixels[i] = (float) r.nextGaussian();
        try (NDManager m = NDManager.newBaseManager();
                LoadedBackbone backbone = Backbones.load(checkpoint, Backbones.Options.DEFAULTS, m)) {
            FeatureCache cache = new FeatureCache(1L << 30);
            try (HeadNetwork cached = new HeadNetwork(backbone.model(),
                            new DinoUNetHead(ModuleContext.create(m, 4), new DinoUNetHeadConfig(24, 3)), cache);
                    HeadNetwork plain = new HeadNetwork(backbone.model(),
                            new DinoUNetHead(ModuleContext.create(m, 4), new DinoUNetHeadConfig(24, 3)), null);
                    NDManager step = m.newSubManager()) {
                String[] keys = {"a", "b"};
                float[] direct = plain.forward(step.create(pixels, new Shape(2, 3, 28, 28)), false, null).toFloatArray();
                float[] first = cached.forward(step.create(pixels, new Shape(2, 3, 28, 28)), false, keys).toFloatArray();
                // The second pass gets zeros as images: only the cache can give it the right features.
                float[] second = cached.forward(step.zeros(new Shape(2, 3, 28, 28)), false, keys).toFloatArray();
                // Equal up to summation order (the cached maps are contiguous, the backbone's a transposed view).
                assertThat(largestDifference(first, direct)).isLessThan(1e-6);
                assertThat(largestDifference(second, direct)).isLessThan(1e-6);
            }
        }
    }

    private static double largestDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
        return worst;
    }

    @Test
    void aFullCacheKeepsNothingMoreButStillAnswers() {
        FeatureCache cache = new FeatureCache(100);
        cache.put("a", new float[][] {new float[20]});
        cache.put("b", new float[][] {new float[20]});
        assertThat(cache.get("a")).isNotNull();
        assertThat(cache.get("b")).isNull();
    }
}
