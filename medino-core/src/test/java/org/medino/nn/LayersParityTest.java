package org.medino.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.medino.segment.Fixture;

class LayersParityTest {
    private static final double TOL = 1e-5;

    @Test
    void stridedDilatedGroupedConvAndTransposedConvMatchTorch() {
        Fixture f = Fixture.load("layers.safetensors");
        try (NDManager manager = NDManager.newBaseManager(); ModuleContext context = ModuleContext.create(manager, 3)) {
            Conv2d conv = new Conv2d(context, 4, 6, 3, 2, 2, 2, 2, true);
            ConvTranspose2d convT = new ConvTranspose2d(context, 4, 5, 3, true);
            conv.loadStateDict(f.under("conv/state/"));
            convT.loadStateDict(f.under("convt/state/"));
            NDArray x = f.array("input", manager);
            x.setRequiresGradient(true);
            NDArray y;
            NDArray z;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                y = conv.forward(x);
                z = convT.forward(x);
                NDArray loss = y.mul(f.array("conv/weight_of_loss", manager)).sum()
                        .add(z.mul(f.array("convt/weight_of_loss", manager)).sum());
                gc.backward(loss);
            }
            Fixture.assertClose("conv", y, f.host("conv/out"), TOL);
            Fixture.assertClose("conv transpose", z, f.host("convt/out"), TOL);
            Fixture.assertClose("input gradient", x.getGradient(), f.host("grad/input"), TOL);
            for (Parameter p : conv.parameters()) {
                Fixture.assertCloseToScale("conv " + p.name(), Gradients.of(p.array(), manager), f.host("conv/grad/" + p.name()), TOL);
            }
            for (Parameter p : convT.parameters()) {
                Fixture.assertCloseToScale("convT " + p.name(), Gradients.of(p.array(), manager), f.host("convt/grad/" + p.name()), TOL);
            }
        }
    }
}
