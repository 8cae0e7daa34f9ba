package org.medino.segment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medino.nn.Buffer;
import org.medino.nn.Gradients;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;
import org.medino.nn.Parameter;

/**
 * Each network at tiny widths against the same network in PyTorch (make_segment_parity.py):
 * logits in training and evaluation mode, input and parameter gradients, running statistics.
 */
class SegmentParityTest {
    private static final double TOL = 1e-5;
    private static final int HEAD_HEIGHT = 42;
    private static final int HEAD_WIDTH = 28;

    /** How to build a network and run it on the fixture's inputs. */
    record Case(String file, Function<ModuleContext, Module> build) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("linear_head.safetensors", c -> new LinearHead(c, new LinearHeadConfig(8, 3))),
                new Case("multilayer_head.safetensors", c -> new MultiLayerHead(c, new MultiLayerHeadConfig(8, 3))),
                new Case("dino_unet_head.safetensors",
                        c -> new DinoUNetHead(c, new DinoUNetHeadConfig(8, 3, List.of(8, 8, 4, 4)))),
                new Case("unet.safetensors", c -> new UNet(c, new UNetConfig(2, 3, List.of(4, 8, 8, 16, 16)))),
                new Case("transunet.safetensors", c -> new TransUNet(c, new TransUNetConfig(3, 3, 32, 32, 8,
                        List.of(4, 8, 8), List.of(2, 1, 1), 16, 2, 2, 32, 0, 0, 16, List.of(16, 8, 8, 4)))))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(Case testCase) {
        Fixture f = Fixture.load(testCase.file());
        try (NDManager manager = NDManager.newBaseManager();
                Module model = testCase.build().apply(ModuleContext.create(manager, 7))) {
            model.loadStateDict(f.under("state/"));
            int count = Integer.parseInt(f.metadata("inputs"));
            List<NDArray> inputs = new ArrayList<>();
            List<String> inputKeys = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = count == 1 ? "input" : "input." + i;
                NDArray x = f.array(key, manager);
                x.setRequiresGradient(true);
                inputs.add(x);
                inputKeys.add(key);
            }

            model.train(true);
            NDArray logits;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                logits = run(model, inputs);
                gc.backward(logits.mul(f.array("weight", manager)).sum());
            }
            Fixture.assertClose("training logits", logits, f.host("out_train"), TOL);
            for (int i = 0; i < inputs.size(); i++) {
                Fixture.assertClose("gradient of " + inputKeys.get(i), inputs.get(i).getGradient(),
                        f.host("grad/" + inputKeys.get(i)), TOL);
            }
            Map<String, Parameter> params = model.parameters().stream()
                    .collect(Collectors.toMap(Parameter::name, p -> p));
            String[] graded = f.metadata("grad_params").split(",");
            assertThat(graded).isNotEmpty();
            for (String name : graded) {
                Fixture.assertCloseToScale("gradient of " + name, Gradients.of(params.get(name).array(), manager),
                        f.host("grad/" + name), TOL);
            }
            for (Buffer b : model.buffers()) {
                Fixture.assertClose("running " + b.name(), b.array(), f.host("after/" + b.name()), TOL);
            }

            model.train(false);
            Fixture.assertClose("evaluation logits", run(model, inputs), f.host("out_eval"), TOL);
        }
    }

    private static NDArray run(Module model, List<NDArray> inputs) {
        if (model instanceof FeatureSegmenter head) {
            return head.forward(inputs, HEAD_HEIGHT, HEAD_WIDTH);
        }
        return ((ImageSegmenter) model).forward(inputs.get(0));
    }
}
