package org.medino.segment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.medino.nn.Gradients;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;
import org.medino.nn.Parameter;

/**
 * Thousands of training steps must not grow the parameter manager: activations, gradients read
 * by the optimizer and interpolation matrices all belong to the step's scope.
 */
class MemoryFlatnessTest {
    private static final int STEPS = 200;

    @Test
    void twoHundredUNetStepsKeepTheParameterManagerConstant() {
        try (NDManager root = NDManager.newBaseManager();
                ModuleContext context = ModuleContext.create(root, 1)) {
            UNet net = new UNet(context, new UNetConfig(1, 2, List.of(4, 8, 8, 8, 8)));
            NDArray images = random(root, new Shape(2, 1, 16, 16), 2);
            NDArray target = random(root, new Shape(2, 2, 16, 16), 3);
            int parameterArrays = context.manager().getManagedArrays().size();
            int rootArrays = root.getManagedArrays().size();
            float firstLoss = 0;
            float lastLoss = 0;
            for (int step = 0; step < STEPS; step++) {
                float loss = step(net, images, target, root);
                if (step == 0) {
                    firstLoss = loss;
                }
                lastLoss = loss;
            }
            assertThat(context.manager().getManagedArrays()).hasSize(parameterArrays);
            assertThat(root.getManagedArrays()).hasSize(rootArrays);
            assertThat(lastLoss).as("the loop really trains").isLessThan(0.5f * firstLoss);
        }
    }

    @Test
    void transUNetAndHeadsLeaveNothingInTheParameterManager() {
        try (NDManager root = NDManager.newBaseManager()) {
            TransUNetConfig config = new TransUNetConfig(3, 2, 32, 32, 8, List.of(4, 8, 8), List.of(1, 1, 1), 16, 1, 2,
                    32, 0.1, 0.1, 16, List.of(8, 8, 8, 4));
            ModuleContext transContext = ModuleContext.create(root, 1);
            try (TransUNet net = new TransUNet(transContext, config)) {
                assertFlat(net, transContext, root, step -> net.forward(random(step, new Shape(2, 3, 32, 32), 1)));
            }
            ModuleContext headContext = ModuleContext.create(root, 1);
            try (DinoUNetHead head = new DinoUNetHead(headContext, new DinoUNetHeadConfig(8, 3, List.of(8, 8, 4, 4)))) {
                assertFlat(head, headContext, root, step -> {
                    List<NDArray> maps = new java.util.ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        maps.add(random(step, new Shape(1, 8, 2, 2), i));
                    }
                    return head.forward(maps, 28, 28);
                });
            }
        }
    }

    /** Three training passes in step scopes leave both the parameter manager and the root as they were. */
    private static void assertFlat(Module net, ModuleContext context, NDManager root,
            java.util.function.Function<NDManager, NDArray> forward) {
        int parameterArrays = context.manager().getManagedArrays().size();
        int rootArrays = root.getManagedArrays().size();
        for (int i = 0; i < 3; i++) {
            try (NDManager step = root.newSubManager()) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(forward.apply(step).sum());
                }
                for (Parameter p : net.parameters()) {
                    Gradients.of(p.array(), step);
                }
                net.zeroGradients();
            }
        }
        assertThat(context.manager().getManagedArrays()).hasSize(parameterArrays);
        assertThat(root.getManagedArrays()).hasSize(rootArrays);
    }

    private static float step(UNet net, NDArray images, NDArray target, NDManager root) {
        try (NDManager step = root.newSubManager()) {
            NDArray x = images.duplicate();
            x.attach(step);
            float loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.forward(x);
                NDArray lossArray = logits.sub(target).square().mean();
                gc.backward(lossArray);
                loss = lossArray.getFloat();
            }
            for (Parameter p : net.parameters()) {
                p.array().subi(Gradients.of(p.array(), step).mul(0.05f));
            }
            net.zeroGradients();
            return loss;
        }
    }

    private static NDArray random(NDManager manager, Shape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return manager.create(v, shape);
    }
}
