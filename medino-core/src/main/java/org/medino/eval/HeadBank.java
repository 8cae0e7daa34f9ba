package org.medino.eval;

import java.util.List;
import java.util.Random;

/**
 * All linear heads that read the same input (same n_last_blocks and avgpool) and differ only in
 * learning rate. Their weights sit side by side in one matrix so that one product per batch
 * computes every head's logits: {@code logits[B, H*K] = x[B, width] · w[width, H*K] + b}.
 *
 * <p>Column {@code h*K + k} is class k of head h. Heads never interact: each has its own loss and
 * gradient, exactly as DINOv2's separate {@code nn.Linear} modules summed into one loss.
 */
final class HeadBank {
    final int nLastBlocks;
    final boolean avgpool;
    final int width;
    final int classes;
    final List<ProbeSetting> settings;
    /** row-major [width, heads * classes] */
    final float[] w;
    /** [heads * classes] */
    final float[] b;

    HeadBank(int nLastBlocks, boolean avgpool, int width, int classes, List<ProbeSetting> settings, float[] w, float[] b) {
        if (w.length != width * settings.size() * classes || b.length != settings.size() * classes) {
            throw new IllegalArgumentException("weights do not fit " + settings.size() + " heads of [" + width + " -> " + classes + "]");
        }
        this.nLastBlocks = nLastBlocks;
        this.avgpool = avgpool;
        this.width = width;
        this.classes = classes;
        this.settings = List.copyOf(settings);
        this.w = w;
        this.b = b;
    }

    /**
     * Heads initialised as DINOv2's {@code LinearClassifier}: weights normal(0, 0.01), bias 0.
     * Draws follow torch's weight layout [classes, width], head after head.
     */
    static HeadBank initialized(int nLastBlocks, boolean avgpool, int width, int classes, List<ProbeSetting> settings, Random random) {
        int cols = settings.size() * classes;
        float[] w = new float[width * cols];
        for (int h = 0; h < settings.size(); h++) {
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j < width; j++) {
                    w[j * cols + h * classes + k] = (float) (0.01 * random.nextGaussian());
                }
            }
        }
        return new HeadBank(nLastBlocks, avgpool, width, classes, settings, w, new float[cols]);
    }

    int heads() {
        return settings.size();
    }

    int columns() {
        return settings.size() * classes;
    }

    /** Head h's weights in torch's layout [classes, width] (for tests and export). */
    float[] torchWeight(int h) {
        float[] out = new float[classes * width];
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < width; j++) {
                out[k * width + j] = w[j * columns() + h * classes + k];
            }
        }
        return out;
    }

    float[] bias(int h) {
        return java.util.Arrays.copyOfRange(b, h * classes, (h + 1) * classes);
    }
}
