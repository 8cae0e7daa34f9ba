package org.medino.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.MedinoException;
import org.medino.checkpoint.HostTensor;
import org.medino.nn.ModuleContext;
import org.medino.train.LossKind;
import org.medino.transform.TypedImage;

class SegmentationTrainerTest {
    interface NetworkBuilder {
        SegmentationNetwork create(NDManager manager, long seed);
    }

    @TempDir
    Path dir;

    /** Squares of label 1 (bright) on a dark background, at seeded positions. */
    static List<SlicePlane> planes(int count, int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        List<SlicePlane> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            float[] v = new float[n * n];
            int[] labels = new int[n * n];
            int y0 = r.nextInt(n / 2);
            int x0 = r.nextInt(n / 2);
            for (int y = y0; y < y0 + n / 3; y++) for (int x = x0; x < x0 + n / 3; x++) {
                v[y * n + x] = 0.9f;
                labels[y * n + x] = 1;
            }
            out.add(new SlicePlane(c, 0, TypedImage.image(v, 1, n, n), labels));
        }
        return out;
    }

    private static SegmentationNetwork tinyUNet(NDManager m, long seed) {
        return new BaselineNetwork(new UNet(ModuleContext.create(m, seed), new UNetConfig(3, 2, List.of(4, 8, 8))));
    }

    /** A TransUNet small enough for a test, with heavy dropout so that its random masks matter. */
    private static SegmentationNetwork tinyTransUNet(NDManager m, long seed) {
        TransUNetConfig config = new TransUNetConfig(3, 2, 16, 16, 8, List.of(4, 4, 4), List.of(1, 1, 1), 16, 1, 2, 32, 0.5, 0.0, 8,
                List.of(8, 8, 8, 4));
        return new BaselineNetwork(new TransUNet(ModuleContext.create(m, seed), config));
    }

    private static TrainSettings settings(int epochs) {
        return new TrainSettings(epochs, 4, 1e-2, "adamw", 1e-4, LossKind.DICECE, 3, true);
    }

    @Test
    void aResumedRunEndsExactlyWhereTheUninterruptedOneDoes() {
        resumeMatchesUninterrupted(SegmentationTrainerTest::tinyUNet, 4);
    }

    @Test
    void aResumedRunWithDropoutDrawsTheSameMasks() {
        resumeMatchesUninterrupted(SegmentationTrainerTest::tinyTransUNet, 16);
    }

    private void resumeMatchesUninterrupted(NetworkBuilder build, int multiple) {
        List<SlicePlane> planes = planes(10, 16, 1);
        InputPipeline pipeline = new InputPipeline(16, multiple, new double[] {0.5, 0.5, 0.5}, new double[] {0.25, 0.25, 0.25});
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, HostTensor> whole;
            try (SegmentationNetwork net = build.create(m, 9)) {
                SegmentationTrainer.train(m, net, planes, null, pipeline, settings(3), 2, "tiny-unet", dir.resolve("a.safetensors"), false, null);
                whole = net.state();
            }
            Path ck = dir.resolve("b.safetensors");
            try (SegmentationNetwork net = build.create(m, 9)) {
                // Killed during the second epoch: the checkpoint on disk is the one after epoch 1.
                SegmentationTrainer.Progress killer = (epoch, epochs, step, steps, loss) -> {
                    if (epoch == 1 && step == 2) throw new IllegalStateException("killed");
                };
                assertThatThrownBy(() -> SegmentationTrainer.train(m, net, planes, null, pipeline, settings(3), 2, "tiny-unet", ck, false, killer))
                        .hasMessage("killed");
            }
            Map<String, HostTensor> resumed;
            try (SegmentationNetwork net = build.create(m, 1234)) { // other init: everything must come from the checkpoint
                SegmentationTrainer.train(m, net, planes, null, pipeline, settings(3), 2, "tiny-unet", ck, true, null);
                resumed = net.state();
            }
            assertThat(resumed.keySet()).isEqualTo(whole.keySet());
            for (String k : whole.keySet()) {
                assertThat(resumed.get(k).toFloats()).as(k).containsExactly(whole.get(k).toFloats());
            }
        }
    }

    @Test
    void resumingWithOtherSettingsIsRefused() {
        List<SlicePlane> planes = planes(4, 16, 2);
        InputPipeline pipeline = new InputPipeline(16, 4, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        Path ck = dir.resolve("c.safetensors");
        try (NDManager m = NDManager.newBaseManager()) {
            try (SegmentationNetwork net = tinyUNet(m, 1)) {
                SegmentationTrainer.train(m, net, planes, null, pipeline, settings(1), 2, "tiny-unet", ck, false, null);
            }
            try (SegmentationNetwork net = tinyUNet(m, 1)) {
                assertThatThrownBy(() -> SegmentationTrainer.train(m, net, planes, null, pipeline, settings(2), 2, "tiny-unet", ck, true, null))
                        .isInstanceOf(MedinoException.class).hasMessageContaining("made with other settings");
            }
        }
    }

    @Test
    void trainingLowersTheLossAndFitsTheSquares() {
        List<SlicePlane> planes = planes(12, 16, 4);
        InputPipeline pipeline = new InputPipeline(16, 4, new double[] {0.5, 0.5, 0.5}, new double[] {0.25, 0.25, 0.25});
        List<Double> losses = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager(); SegmentationNetwork net = tinyUNet(m, 2)) {
            TrainSettings s = new TrainSettings(30, 4, 1e-2, "adamw", 0, LossKind.DICECE, 5, false);
            SegmentationTrainer.train(m, net, planes, null, pipeline, s, 2, "tiny-unet", null, false, (e, es, st, sts, loss) -> losses.add(loss));
            assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) / 3);
            SlicePlane p = planes.get(0);
            TypedImage image = p.image();
            LoadedCase c = new LoadedCase("x", null, image, p.labels(), image.affine());
            int[] predicted = new SegmentationPredictor(net, pipeline, 4).predict(m, c, 0, null);
            int agree = 0;
            for (int i = 0; i < predicted.length; i++) if (predicted[i] == p.labels()[i]) agree++;
            assertThat(agree).isGreaterThan(predicted.length * 9 / 10);
        }
    }

    @Test
    void sgdIsAvailableAndAnUnknownOptimizerIsNamed() {
        List<SlicePlane> planes = planes(2, 8, 3);
        InputPipeline pipeline = new InputPipeline(8, 4, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        try (NDManager m = NDManager.newBaseManager(); SegmentationNetwork net = tinyUNet(m, 2)) {
            SegmentationTrainer.train(m, net, planes, null, pipeline,
                    new TrainSettings(1, 2, 1e-2, "sgd", 1e-4, LossKind.CE, 1, true), 2, "tiny-unet", null, false, null);
            assertThatThrownBy(() -> SegmentationTrainer.train(m, net, planes, null, pipeline,
                    new TrainSettings(1, 2, 1e-2, "lamb", 0, LossKind.CE, 1, true), 2, "tiny-unet", null, false, null))
                    .hasMessageContaining("--optimizer 'lamb'");
        }
    }
}
