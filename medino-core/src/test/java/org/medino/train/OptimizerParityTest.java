package org.medino.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.medino.nn.Gradients;
import org.medino.nn.Parameter;

/**
 * Three steps of SGD (momentum 0.9, wd 1e-4) and AdamW (wd 0.05) against torch, with a decaying
 * weight "w" [3, 4] and a non-decaying bias "b" [4]. The stored gradient G reaches the parameter
 * through autograd (backward of sum(p · G) leaves exactly G), so the test also exercises the
 * collector, the zeroing between steps and the in-place update outside the collector.
 */
class OptimizerParityTest {

    @Test
    void sgdMatchesTorch() {
        run("sgd", m -> new Sgd(m, 0.9, 1e-4));
    }

    @Test
    void adamWMatchesTorch() {
        run("adamw", m -> new AdamW(m, 0.05));
    }

    private static void run(String name, Function<NDManager, Optimizer> make) {
        try (NDManager m = NDManager.newBaseManager()) {
            List<Parameter> params = List.of(param(m, name, "w", new Shape(3, 4), true), param(m, name, "b", new Shape(4), false));
            Optimizer optimizer = make.apply(m);
            double[] lrs = ParityFixture.doubles(name + ".lr");
            for (int t = 1; t <= 3; t++) {
                Gradients.zero(params);
                try (NDManager step = m.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = null;
                    for (Parameter p : params) {
                        NDArray g = step.create(ParityFixture.floats(name + ".grad" + t + "." + p.name()), p.array().getShape());
                        NDArray term = p.array().mul(g).sum();
                        loss = loss == null ? term : loss.add(term);
                    }
                    c.backward(loss);
                }
                optimizer.step(params, lrs[t - 1]);
                for (Parameter p : params) {
                    float[] expected = ParityFixture.floats(name + ".after" + t + "." + p.name());
                    float[] actual = p.array().toFloatArray();
                    for (int i = 0; i < expected.length; i++) {
                        assertThat(actual[i]).as("%s step %d %s[%d]", name, t, p.name(), i).isCloseTo(expected[i], within(1e-6f));
                    }
                }
            }
        }
    }

    private static Parameter param(NDManager m, String opt, String name, Shape shape, boolean decays) {
        NDArray a = m.create(ParityFixture.floats(opt + ".init." + name), shape);
        a.setRequiresGradient(true);
        return new Parameter(name, a, decays);
    }
}
