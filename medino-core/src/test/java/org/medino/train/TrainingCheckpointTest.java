package org.medino.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.MedinoException;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;
import org.medino.nn.InPlace;
import org.medino.nn.Parameter;

class TrainingCheckpointTest {
    private static final CosineSchedule SCHEDULE = new CosineSchedule(0.05, 2, 10);
    private static final String SETTINGS = "{\"loss\":\"dicece\",\"epochs\":5,\"note\":\"ünïcode\"}";

    @TempDir
    Path dir;

    @Test
    void roundTripRestoresEveryTensorAndCounter() {
        Path file = dir.resolve("ckpt.safetensors");
        try (NDManager m = NDManager.newBaseManager()) {
            TinyRun run = new TinyRun(m);
            AdamW adam = new AdamW(m, 0.05);
            for (int t = 0; t < 3; t++) run.step(adam, SCHEDULE, t);
            TrainingCheckpoint.capture(run.params, run.buffers, adam, 2, 3, 42L, SETTINGS).save(file);

            TrainingCheckpoint loaded = TrainingCheckpoint.load(file);
            assertThat(loaded.epoch()).isEqualTo(2);
            assertThat(loaded.step()).isEqualTo(3);
            assertThat(loaded.seed()).isEqualTo(42L);
            assertThat(loaded.settingsJson()).isEqualTo(SETTINGS);
            assertThat(loaded.optimizerName()).isEqualTo("adamw");
            assertThat(loaded.optimizer().keySet()).containsExactlyInAnyOrderElementsOf(adam.state().keySet());

            try (NDManager fresh = NDManager.newBaseManager()) {
                TinyRun other = new TinyRun(fresh); // same initial values, so perturb them first
                for (Parameter p : other.params) InPlace.view(p.array(), fresh).addi(1f);
                loaded.restoreModel(fresh, other.params, other.buffers);
                for (int i = 0; i < run.params.size(); i++) {
                    assertThat(other.params.get(i).array().toFloatArray()).isEqualTo(run.params.get(i).array().toFloatArray());
                    assertThat(other.params.get(i).array().hasGradient()).isTrue();
                }
                assertThat(other.buffers.get("head.running_mean").toFloatArray())
                        .isEqualTo(run.buffers.get("head.running_mean").toFloatArray());
                AdamW resumed = new AdamW(fresh, 0.05);
                loaded.restoreOptimizer(resumed);
                assertThat(resumed.steps()).isEqualTo(3);
                adam.state().forEach((k, v) -> assertThat(resumed.state().get(k).toFloats()).as(k).isEqualTo(v.toFloats()));
            }
        }
        assertThat(dir.toFile().list()).containsExactly("ckpt.safetensors"); // no temporary left behind
    }

    @Test
    void sgdResumeIsBitwiseIdenticalToAnUninterruptedRun() {
        resumeIsBitwise(m -> new Sgd(m, 0.9, 1e-4));
    }

    @Test
    void adamWResumeIsBitwiseIdenticalToAnUninterruptedRun() {
        resumeIsBitwise(m -> new AdamW(m, 0.05));
    }

    private void resumeIsBitwise(Function<NDManager, Optimizer> make) {
        int k = 3, total = 7;
        Path file = dir.resolve("resume.safetensors");
        try (NDManager straight = NDManager.newBaseManager();
                NDManager first = NDManager.newBaseManager();
                NDManager second = NDManager.newBaseManager()) {
            TinyRun reference = new TinyRun(straight);
            Optimizer refOpt = make.apply(straight);
            for (int t = 0; t < total; t++) reference.step(refOpt, SCHEDULE, t);

            TinyRun before = new TinyRun(first);
            Optimizer beforeOpt = make.apply(first);
            for (int t = 0; t < k; t++) before.step(beforeOpt, SCHEDULE, t);
            TrainingCheckpoint.capture(before.params, before.buffers, beforeOpt, 1, k, 1L, "{}").save(file);

            TrainingCheckpoint loaded = TrainingCheckpoint.load(file);
            TinyRun after = new TinyRun(second);
            Optimizer afterOpt = make.apply(second);
            loaded.restoreModel(second, after.params, after.buffers);
            loaded.restoreOptimizer(afterOpt);
            for (long t = loaded.step(); t < total; t++) after.step(afterOpt, SCHEDULE, t);

            for (int i = 0; i < reference.params.size(); i++) {
                assertThat(bits(after.params.get(i).array())).isEqualTo(bits(reference.params.get(i).array()));
            }
            assertThat(bits(after.buffers.get("head.running_mean"))).isEqualTo(bits(reference.buffers.get("head.running_mean")));
            refOpt.state().forEach((key, v) -> assertThat(afterOpt.state().get(key).data()).as(key).isEqualTo(v.data()));
        }
    }

    private static int[] bits(NDArray a) {
        float[] f = a.toFloatArray();
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) out[i] = Float.floatToRawIntBits(f[i]);
        return out;
    }

    @Test
    void refusesAnotherModelOrOptimizerOrFile() throws Exception {
        Path file = dir.resolve("c.safetensors");
        try (NDManager m = NDManager.newBaseManager()) {
            TinyRun run = new TinyRun(m);
            Sgd sgd = new Sgd(m, 0.9, 0);
            run.step(sgd, SCHEDULE, 0);
            TrainingCheckpoint.capture(run.params, run.buffers, sgd, 1, 1, 0, "{}").save(file);
            TrainingCheckpoint loaded = TrainingCheckpoint.load(file);
            assertThatThrownBy(() -> loaded.restoreModel(m, run.params.subList(0, 1), run.buffers))
                    .isInstanceOf(MedinoException.class).hasMessageContaining("unexpected [head.bias]");
            assertThatThrownBy(() -> loaded.restoreOptimizer(new AdamW(m, 0)))
                    .isInstanceOf(MedinoException.class).hasMessageContaining("'sgd'");
        }
        Path foreign = dir.resolve("weights.safetensors");
        Safetensors.write(foreign, java.util.Map.of("x", HostTensor.ofFloats(new long[] {1}, new float[] {1})), java.util.Map.of());
        assertThatThrownBy(() -> TrainingCheckpoint.load(foreign))
                .isInstanceOf(MedinoException.class).hasMessageContaining("not a medino training checkpoint");
        Files.write(file, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> TrainingCheckpoint.load(file)).isInstanceOf(MedinoException.class);
    }
}
