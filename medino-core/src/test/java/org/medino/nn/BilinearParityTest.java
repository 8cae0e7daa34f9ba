package org.medino.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.medino.segment.Fixture;

class BilinearParityTest {
    private static final double TOL = 1e-5;

    @Test
    void matchesTorchInterpolateForwardAndBackward() {
        Fixture f = Fixture.load("bilinear.safetensors");
        String[] cases = f.metadata("cases").split(";");
        assertThat(cases).hasSize(14);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < cases.length; i++) {
                String[] p = cases[i].split(" ");
                int oh = Integer.parseInt(p[2]);
                int ow = Integer.parseInt(p[3]);
                boolean align = p[4].equals("1");
                String what = "case " + cases[i];
                NDArray x = f.array(i + "/input", manager);
                x.setRequiresGradient(true);
                NDArray y;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    y = Bilinear.resize(x, oh, ow, align);
                    gc.backward(y.mul(f.array(i + "/weight", manager)).sum());
                }
                Fixture.assertClose(what + " output", y, f.host(i + "/output"), TOL);
                Fixture.assertClose(what + " gradient", x.getGradient(), f.host(i + "/grad"), TOL);
            }
        }
    }

    @Test
    void interpolationRowsSumToOne() {
        for (boolean align : new boolean[] {false, true}) {
            float[] m = InterpolationMatrix.rows(7, 3, align);
            for (int r = 0; r < 3; r++) {
                float sum = 0;
                for (int c = 0; c < 7; c++) {
                    sum += m[r * 7 + c];
                }
                assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @Test
    void resultBelongsToTheInputsManager() {
        try (NDManager outer = NDManager.newBaseManager(); NDManager inner = outer.newSubManager()) {
            NDArray x = inner.ones(new ai.djl.ndarray.types.Shape(1, 1, 3, 3));
            assertThat(Bilinear.resize(x, 5, 5, false).getManager()).isSameAs(inner);
            assertThat(Bilinear.resize(x, 3, 3, true).getManager()).isSameAs(inner);
        }
    }
}
