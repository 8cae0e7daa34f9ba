package org.medino.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.medino.MedinoException;
import org.medino.testing.Fixtures;

/** A forward pass leaves nothing behind in the model or the caller's parent manager. */
class ForwardScopeTest {
    @Test
    void memoryStaysFlatOverManyBatches() {
        try (NDManager base = NDManager.newBaseManager();
                LoadedBackbone b = Backbones.load(Fixtures.parityModel("vitg14-reg-style").resolve("official.safetensors"),
                        Backbones.Options.DEFAULTS, base)) {
            DinoVisionTransformer model = b.model();
            runOnce(model, base, 70, 56); // fills the position-embedding cache for this grid
            int modelArrays = model.manager().getManagedArrays().size();
            int baseArrays = base.getManagedArrays().size();
            for (int i = 0; i < 200; i++) {
                runOnce(model, base, i % 2 == 0 ? 70 : 126, 56 + 14 * (i % 2));
            }
            assertThat(model.manager().getManagedArrays().size()).isEqualTo(modelArrays + 1); // + the 126x70 grid
            assertThat(base.getManagedArrays().size()).isEqualTo(baseArrays + 1);
        }
    }

    private static void runOnce(DinoVisionTransformer model, NDManager base, int h, int w) {
        try (NDManager scope = base.newSubManager()) {
            NDArray images = scope.randomNormal(new Shape(2, 3, h, w));
            NDArray masks = scope.randomUniform(0, 1, new Shape(2, (h / 14) * (w / 14))).lt(0.3);
            DinoFeatures f = model.forward(images, 2, masks);
            assertThat(f.patchMap().getShape()).isEqualTo(new Shape(2, 64, h / 14, w / 14));
            assertThat(f.registers().getShape()).isEqualTo(new Shape(2, 4, 64));
            assertThat(f.cls().getDataType()).isEqualTo(DataType.FLOAT32);
        }
    }

    @Test
    void maskedPatchesBecomeTheMaskToken() {
        try (NDManager base = NDManager.newBaseManager();
                LoadedBackbone b = Backbones.load(Fixtures.parityModel("vits14-style").resolve("official.safetensors"),
                        Backbones.Options.DEFAULTS, base);
                NDManager scope = base.newSubManager()) {
            NDArray images = scope.randomNormal(new Shape(1, 3, 98, 98));
            NDArray other = images.mul(-3);
            NDArray all = scope.ones(new Shape(1, 49)).toType(DataType.BOOLEAN, false);
            // with every patch masked, the image content no longer matters
            float[] a = b.model().forward(images, 1, all).cls().toFloatArray();
            float[] c = b.model().forward(other, 1, all).cls().toFloatArray();
            assertThat(a).containsExactly(c);
            float[] unmasked = b.model().forward(images, 1).cls().toFloatArray();
            assertThat(unmasked).isNotEqualTo(a);
        }
    }

    @Test
    void sizesThatAreNotPatchMultiplesAreRefusedWithAHint() {
        try (NDManager base = NDManager.newBaseManager();
                LoadedBackbone b = Backbones.load(Fixtures.parityModel("vits14-style").resolve("official.safetensors"),
                        Backbones.Options.DEFAULTS, base);
                NDManager scope = base.newSubManager()) {
            NDArray images = scope.zeros(new Shape(1, 3, 100, 98));
            assertThatThrownBy(() -> b.model().forward(images, 1))
                    .isInstanceOf(MedinoException.class)
                    .hasMessageContaining("100x98 is not a multiple of the patch size 14")
                    .hasMessageContaining("98x98");
            NDArray padded = Padding.centerPad(images, 14);
            assertThat(padded.getShape()).isEqualTo(new Shape(1, 3, 112, 98));
            assertThat(b.model().forward(padded, 1).patch().getShape()).isEqualTo(new Shape(1, 56, 48));
        }
    }
}
