package org.medino.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medino.MedinoException;
import org.medino.checkpoint.HostTensor;
import org.medino.segment.UNet;
import org.medino.segment.UNetConfig;

class ModuleTest {
    private static final UNetConfig TINY = new UNetConfig(1, 2, List.of(4, 8, 8));
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private UNet tinyUNet(long seed) {
        return new UNet(ModuleContext.create(manager, seed), TINY);
    }

    @Test
    void strictLoadListsEveryMissingUnexpectedAndMisShapedKey() {
        UNet net = tinyUNet(1);
        float before = net.parameters().get(0).array().toFloatArray()[0];
        Map<String, HostTensor> state = new LinkedHashMap<>(net.stateDict());
        state.remove("head.bias");
        state.remove("bottleneck.first.bn.running_var");
        state.put("head.extra", HostTensor.ofFloats(new long[] {1}, new float[] {0}));
        state.put("encoders.0.first.conv.weight", HostTensor.ofFloats(new long[] {2}, new float[] {0, 0}));
        assertThatThrownBy(() -> net.loadStateDict(state))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("missing [bottleneck.first.bn.running_var, head.bias]")
                .hasMessageContaining("unexpected [head.extra]")
                .hasMessageContaining("encoders.0.first.conv.weight (expected (4, 1, 3, 3), got (2))");
        assertThat(net.parameters().get(0).array().toFloatArray()[0]).as("nothing loaded").isEqualTo(before);
    }

    @Test
    void stateDictRoundTripsThroughBothLoaders() {
        UNet source = tinyUNet(1);
        UNet target = tinyUNet(2);
        NDArray targetFirst = target.parameters().get(0).array();
        assertThat(targetFirst.toFloatArray()).isNotEqualTo(source.parameters().get(0).array().toFloatArray());
        target.loadStateDict(source.stateDict());
        assertSameState(source, target);
        assertThat(target.parameters().get(0).array()).as("loaded in place").isSameAs(targetFirst);
        assertThat(targetFirst.hasGradient()).isTrue();

        UNet third = tinyUNet(3);
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        source.stateDict().forEach((k, v) -> {
            values.put(k, v.toFloats());
            shapes.put(k, v.shape());
        });
        third.loadStateDict(values, shapes);
        assertSameState(source, third);
    }

    private static void assertSameState(Module a, Module b) {
        Map<String, HostTensor> sa = a.stateDict();
        Map<String, HostTensor> sb = b.stateDict();
        assertThat(sb.keySet()).containsExactlyElementsOf(sa.keySet());
        sa.forEach((k, v) -> assertThat(sb.get(k).toFloats()).as(k).containsExactly(v.toFloats()));
    }

    @Test
    void sameSeedGivesSameWeights() {
        assertSameState(tinyUNet(5), tinyUNet(5));
    }

    @Test
    void weightsDecayBiasesAndNormsDoNot() {
        Map<String, Boolean> decays = new LinkedHashMap<>();
        tinyUNet(1).parameters().forEach(p -> decays.put(p.name(), p.decays()));
        assertThat(decays).containsEntry("encoders.0.first.conv.weight", true)
                .containsEntry("encoders.0.first.bn.weight", false)
                .containsEntry("decoders.0.up.weight", true)
                .containsEntry("decoders.0.up.bias", false)
                .containsEntry("head.bias", false);
    }

    @Test
    void trainingModeReachesEveryModule() {
        UNet net = tinyUNet(1);
        assertThat(net.isTraining()).as("new modules train, as in PyTorch").isTrue();
        net.train(false);
        assertThat(net.isTraining()).isFalse();
        net.train(true);
        assertThat(net.isTraining()).isTrue();
    }

    @Test
    void defaultInitializationUsesPyTorchBounds() {
        try (ModuleContext context = ModuleContext.create(manager, 9)) {
            Conv2d conv = new Conv2d(context, 8, 16, 3, 1, 1, true);
            assertWithin(conv.parameters().get(0).array(), 1 / Math.sqrt(8 * 9));
            assertWithin(conv.parameters().get(1).array(), 1 / Math.sqrt(8 * 9));
            ConvTranspose2d up = new ConvTranspose2d(context, 16, 4, 2, true);
            assertWithin(up.parameters().get(0).array(), 1 / Math.sqrt(4 * 4));
            BatchNorm2d bn = new BatchNorm2d(context, 3);
            assertThat(bn.parameters().get(0).array().toFloatArray()).containsOnly(1f);
            assertThat(bn.parameters().get(1).array().toFloatArray()).containsOnly(0f);
            assertThat(bn.buffers().get(1).array().toFloatArray()).containsOnly(1f);
        }
    }

    private static void assertWithin(NDArray array, double bound) {
        float[] v = array.toFloatArray();
        double max = 0;
        for (float f : v) {
            max = Math.max(max, Math.abs(f));
        }
        assertThat(max).isLessThanOrEqualTo(bound).isGreaterThan(0.8 * bound);
    }

    /**
     * DJL facts the training code relies on: gradients accumulate over backward passes (the
     * collector does not zero them), {@link Module#zeroGradients()} clears them, and an in-place
     * update outside the collector keeps the parameter a gradient-tracking leaf.
     */
    @Test
    void gradientsAccumulateUntilZeroedAndInPlaceUpdatesKeepTheLeaf() {
        try (ModuleContext context = ModuleContext.create(manager, 4)) {
            Linear linear = new Linear(context, 3, 2, true);
            NDArray weight = linear.parameters().get(0).array();
            NDArray x = manager.create(new float[] {1, 2, 3}, new Shape(1, 3));
            backward(linear, x);
            float[] once = Gradients.of(weight, manager).toFloatArray();
            assertThat(once).containsExactly(1, 2, 3, 1, 2, 3);
            backward(linear, x);
            assertThat(Gradients.of(weight, manager).toFloatArray()).containsExactly(2, 4, 6, 2, 4, 6);
            linear.zeroGradients();
            assertThat(Gradients.of(weight, manager).toFloatArray()).containsOnly(0f);

            float before = weight.toFloatArray()[0];
            backward(linear, x);
            weight.subi(Gradients.of(weight, manager).mul(0.5f));
            assertThat(linear.parameters().get(0).array()).isSameAs(weight);
            assertThat(weight.toFloatArray()[0]).isCloseTo(before - 0.5f, within(1e-6f));
            linear.zeroGradients();
            backward(linear, x);
            assertThat(Gradients.of(weight, manager).toFloatArray()).containsExactly(1, 2, 3, 1, 2, 3);
        }
    }

    private static void backward(Linear linear, NDArray x) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(linear.forward(x).sum());
        }
    }

    @Test
    void dropoutIsSeededAndOnlyActsWhileTraining() {
        try (ModuleContext a = ModuleContext.create(manager, 11); ModuleContext b = ModuleContext.create(manager, 11)) {
            Dropout first = new Dropout(a, 0.25);
            Dropout second = new Dropout(b, 0.25);
            NDArray x = manager.ones(new Shape(4000));
            first.reseedDropout(5);
            float[] masked = first.forward(x).toFloatArray();
            second.reseedDropout(5);
            assertThat(second.forward(x).toFloatArray()).containsExactly(masked);
            second.reseedDropout(6);
            assertThat(second.forward(x).toFloatArray()).isNotEqualTo(masked);
            long zeros = 0;
            for (float v : masked) {
                assertThat(v).isIn(0f, 1f / 0.75f);
                zeros += v == 0 ? 1 : 0;
            }
            assertThat(zeros / 4000.0).isCloseTo(0.25, within(0.03));
            first.train(false);
            assertThat(first.forward(x).toFloatArray()).containsOnly(1f);
        }
    }

    @Test
    void namesMustBeUniqueAndDotFree() {
        try (ModuleContext context = ModuleContext.create(manager, 1)) {
            Module m = new Module(context) {
                {
                    addParameter("w", context.zeros(1), true);
                    assertThatThrownBy(() -> addParameter("w", context.zeros(1), true))
                            .isInstanceOf(IllegalStateException.class);
                    assertThatThrownBy(() -> addBuffer("a.b", context.zeros(1)))
                            .isInstanceOf(IllegalArgumentException.class);
                }
            };
            assertThat(m.parameters()).extracting(Parameter::name).containsExactly("w");
        }
    }
}
