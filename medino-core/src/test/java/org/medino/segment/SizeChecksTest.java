package org.medino.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medino.nn.ModuleContext;

class SizeChecksTest {
    @Test
    void unetRefusesSidesThatAreNotMultiplesOfItsDepth() {
        try (NDManager m = NDManager.newBaseManager();
                UNet net = new UNet(ModuleContext.create(m, 1), new UNetConfig(1, 2, List.of(2, 4, 4)))) {
            assertThat(net.sizeMultiple()).isEqualTo(4);
            assertThat(net.forward(m.zeros(new Shape(1, 1, 8, 12))).getShape()).isEqualTo(new Shape(1, 2, 8, 12));
            assertThatThrownBy(() -> net.forward(m.zeros(new Shape(1, 1, 8, 10))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiples of 4");
        }
    }

    @Test
    void transUNetRefusesAnotherGridThanItWasBuiltFor() {
        TransUNetConfig config = new TransUNetConfig(1, 2, 32, 32, 4, List.of(2, 2, 2), List.of(1, 1, 1), 8, 1, 2, 8,
                0, 0, 8, List.of(4, 4, 4, 4));
        try (NDManager m = NDManager.newBaseManager(); TransUNet net = new TransUNet(ModuleContext.create(m, 1), config)) {
            net.train(false);
            assertThat(net.forward(m.zeros(new Shape(1, 1, 32, 32))).getShape()).isEqualTo(new Shape(1, 2, 32, 32));
            assertThatThrownBy(() -> net.forward(m.zeros(new Shape(1, 1, 48, 32))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2×2 token grid");
        }
        assertThatThrownBy(() -> TransUNetConfig.r50VitB16(3, 2, 224, 200)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headsNeedEnoughBlocks() {
        try (NDManager m = NDManager.newBaseManager();
                MultiLayerHead head = new MultiLayerHead(ModuleContext.create(m, 1), new MultiLayerHeadConfig(4, 2))) {
            assertThat(head.sizeMultiple()).isEqualTo(14);
            assertThatThrownBy(() -> head.forward(List.of(m.zeros(new Shape(1, 4, 2, 2))), 28, 28))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last 4 blocks");
        }
    }
}
