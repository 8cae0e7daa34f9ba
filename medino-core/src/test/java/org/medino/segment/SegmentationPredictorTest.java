package org.medino.segment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medino.checkpoint.HostTensor;
import org.medino.nn.Parameter;
import org.medino.transform.ImageKind;
import org.medino.transform.TypedImage;

class SegmentationPredictorTest {
    /**
     * Logits that say "class 1" in the left half of the S × S view and "class 0" everywhere else,
     * including the padding: only a crop back to S before resizing puts the boundary at the image's middle.
     */
    private static final class LeftHalf implements SegmentationNetwork {
        private final int s;

        LeftHalf(int s) {
            this.s = s;
        }

        @Override
        public NDArray forward(NDArray images, boolean training, String[] keys) {
            long[] shape = images.getShape().getShape();
            int b = (int) shape[0];
            int p = (int) shape[2];
            float[] v = new float[b * 2 * p * p];
            for (int i = 0; i < b; i++) for (int y = 0; y < p; y++) for (int x = 0; x < p; x++) {
                v[((i * 2 + 1) * p + y) * p + x] = x < s / 2 && y < s ? 1 : -1;
            }
            return images.getManager().create(v, new Shape(b, 2, p, p));
        }

        @Override
        public List<Parameter> trainable() {
            return List.of();
        }

        @Override
        public Map<String, NDArray> buffers() {
            return Map.of();
        }

        @Override
        public Map<String, HostTensor> state() {
            return Map.of();
        }

        @Override
        public void loadState(Map<String, HostTensor> state) {}

        @Override
        public void reseed(long seed) {}

        @Override
        public int sizeMultiple() {
            return 16;
        }

        @Override
        public void close() {}
    }

    @Test
    void logitsAreCroppedBackBeforeTheyAreResizedToTheImage() {
        InputPipeline pipeline = new InputPipeline(12, 16, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        TypedImage image = TypedImage.image(new float[20 * 24], 1, 20, 24);
        LoadedCase c = new LoadedCase("a", null, image, null, image.affine());
        try (NDManager m = NDManager.newBaseManager()) {
            int[] labels = new SegmentationPredictor(new LeftHalf(12), pipeline, 4).predict(m, c, 0, null);
            assertThat(labels).hasSize(480);
            for (int y = 0; y < 20; y++) {
                for (int x = 0; x < 24; x++) assertThat(labels[y * 24 + x]).as("(%d,%d)", y, x).isEqualTo(x < 12 ? 1 : 0);
            }
        }
    }

    @Test
    void volumesArePredictedSliceBySliceAndPutBack() {
        InputPipeline pipeline = new InputPipeline(8, 16, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        TypedImage volume = TypedImage.of(ImageKind.IMAGE, new float[6 * 5 * 4], new int[] {1, 6, 5, 4}, null, null);
        LoadedCase c = new LoadedCase("v", null, volume, null, volume.affine());
        try (NDManager m = NDManager.newBaseManager()) {
            // Cut along axis 1: planes are (axis 0, axis 2) = 6 × 4; left half = axis 2 index < 2.
            int[] labels = new SegmentationPredictor(new LeftHalf(8), pipeline, 3).predict(m, c, 1, null);
            for (int i = 0; i < 6; i++) for (int j = 0; j < 5; j++) for (int k = 0; k < 4; k++) {
                assertThat(labels[(i * 5 + j) * 4 + k]).isEqualTo(k < 2 ? 1 : 0);
            }
        }
    }
}
