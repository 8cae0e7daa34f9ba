package org.medino.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loss values and their gradients w.r.t. the logits against torch (MONAI's Dice written out in torch). */
class SegmentationLossParityTest {
    private static final int B = 2, K = 3, H = 5, W = 6;

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({"random, ce", "random, dice", "random, dicece", "absent, ce", "absent, dice", "absent, dicece"})
    void matchesTorch(String sample, String kind) {
        String prefix = "loss." + sample + ".";
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(ParityFixture.floats(prefix + "logits"), new Shape(B, K, H, W));
            logits.setRequiresGradient(true);
            SegmentationTarget target = SegmentationTarget.of(m, ParityFixture.ints(prefix + "labels"), B, H, W, K);
            float value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = new SegmentationLoss(LossKind.parse(kind)).compute(logits, target);
                assertThat(loss.getShape().dimension()).isZero();
                collector.backward(loss);
                value = loss.getFloat();
            }
            assertThat(value).isCloseTo(ParityFixture.floats(prefix + kind)[0], within(1e-6f));
            float[] expected = ParityFixture.floats(prefix + kind + ".grad");
            float[] actual = logits.getGradient().toFloatArray();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("grad[%d]", i).isCloseTo(expected[i], within(1e-6f));
            }
        }
    }
}
