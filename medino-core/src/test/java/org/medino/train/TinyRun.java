package org.medino.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.medino.nn.Gradients;
import org.medino.nn.InPlace;
import org.medino.nn.Parameter;

/**
 * A miniature segmentation training run for checkpoint tests: a 1×1 "convolution" (weight [K, C],
 * bias [K]) on fixed random features, trained with Dice+CE; one "buffer" stands in for BN statistics.
 *
 * <p>The forward's intermediates land in the parameters' manager (DJL attaches a result to its
 * first operand's manager), which is harmless for the few steps a test runs.
 */
final class TinyRun {
    static final int B = 2, C = 4, K = 3, H = 3, W = 4;

    final NDManager manager;
    final List<Parameter> params;
    final Map<String, NDArray> buffers;
    private final NDArray features;
    private final int[] labels;

    TinyRun(NDManager manager) {
        this.manager = manager;
        Random r = new Random(7);
        this.params = List.of(
                param("head.weight", random(r, K * C), new Shape(K, C), true),
                param("head.bias", random(r, K), new Shape(K), false));
        this.buffers = Map.of("head.running_mean", manager.create(random(r, K), new Shape(K)));
        this.features = manager.create(random(r, B * C * H * W), new Shape(B, C, H * W));
        this.labels = new int[B * H * W];
        for (int i = 0; i < labels.length; i++) labels[i] = r.nextInt(K);
    }

    private Parameter param(String name, float[] values, Shape shape, boolean decays) {
        NDArray a = manager.create(values, shape);
        a.setRequiresGradient(true);
        return new Parameter(name, a, decays);
    }

    private static float[] random(Random r, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = (float) r.nextGaussian();
        return out;
    }

    /** Forward, backward and one optimizer step at global step {@code t}; the buffer drifts too. */
    void step(Optimizer optimizer, CosineSchedule schedule, long t) {
        Gradients.zero(params);
        try (NDManager scope = manager.newSubManager()) {
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray w = params.get(0).array();
                NDArray b = params.get(1).array();
                NDArray logits = w.matMul(features).add(b.reshape(1, K, 1)).reshape(B, K, H, W);
                SegmentationTarget target = SegmentationTarget.of(scope, labels, B, H, W, K);
                NDArray loss = new SegmentationLoss(LossKind.DICECE).compute(logits, target);
                loss.attach(scope);
                logits.attach(scope);
                c.backward(loss);
            }
            InPlace.view(buffers.get("head.running_mean"), scope).muli(0.9f).addi(0.01f);
        }
        optimizer.step(params, schedule.lr(t));
    }
}
