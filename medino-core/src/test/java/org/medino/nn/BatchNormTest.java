package org.medino.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import org.junit.jupiter.api.Test;
import org.medino.segment.Fixture;

class BatchNormTest {
    private static final double TOL = 1e-5;

    @Test
    void runningStatisticsAfterTwoTrainingStepsMatchTorch() {
        Fixture f = Fixture.load("batchnorm.safetensors");
        try (NDManager manager = NDManager.newBaseManager();
                BatchNorm2d bn = new BatchNorm2d(ModuleContext.create(manager, 1), 4)) {
            bn.loadStateDict(f.under("state/"));
            bn.train(true);
            for (int step = 0; step < 2; step++) {
                NDArray out = bn.forward(f.array("input" + step, manager));
                Fixture.assertClose("train step " + step, out, f.host("train" + step), TOL);
            }
            Fixture.assertClose("running_mean", bn.buffers().get(0).array(), f.host("after/running_mean"), TOL);
            Fixture.assertClose("running_var", bn.buffers().get(1).array(), f.host("after/running_var"), TOL);
            bn.train(false);
            Fixture.assertClose("eval", bn.forward(f.array("input1", manager)), f.host("eval"), TOL);
        }
    }

    /** Documents DJL's convention: its momentum is the weight of the old running value. */
    @Test
    void djlMomentumIsTheWeightOfTheOldValue() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 3, 5, 7}, new Shape(4, 1, 1, 1)); // batch mean 4
            NDArray mean = manager.zeros(new Shape(1));
            NDArray var = manager.ones(new Shape(1));
            BatchNorm.batchNorm(x, mean, var, manager.ones(new Shape(1)), manager.zeros(new Shape(1)), 1, 0.9f,
                    1e-5f, true);
            // torch momentum 0.1: 0.9·0 + 0.1·4
            assertThat(mean.getFloat(0)).isCloseTo(0.4f, org.assertj.core.data.Offset.offset(1e-6f));
            // unbiased batch variance 20/3: 0.9·1 + 0.1·20/3
            assertThat(var.getFloat(0)).isCloseTo(0.9f + 2f / 3, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }
}
