package org.medino.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.medino.nn.Gradients;
import org.medino.nn.InPlace;
import org.medino.nn.Parameter;

/**
 * Pins the DJL 0.36 / libtorch behaviour the optimizers rely on, so an upgrade that changes it
 * fails here first rather than as a subtly wrong training run.
 */
class DjlAutogradFactsTest {

    private static void backwardOfSum(NDArray x) {
        try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
            c.backward(x.mul(3f).sum());
        }
    }

    @Test
    void collectorAccumulatesUntilGradientsAreZeroed() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2});
            x.setRequiresGradient(true);
            backwardOfSum(x);
            backwardOfSum(x);
            assertThat(x.getGradient().toFloatArray()).containsExactly(6f, 6f); // 3 + 3: accumulated
            Gradients.zero(List.of(new Parameter("x", x, true)));
            assertThat(x.getGradient().toFloatArray()).containsExactly(0f, 0f);
            backwardOfSum(x);
            assertThat(x.getGradient().toFloatArray()).containsExactly(3f, 3f);
        }
    }

    @Test
    void zeroingClearsNonFiniteGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2});
            x.setRequiresGradient(true);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                c.backward(x.mul(Float.NaN).sum());
            }
            Gradients.zero(List.of(new Parameter("x", x, true)));
            assertThat(x.getGradient().toFloatArray()).containsExactly(0f, 0f);
        }
    }

    @Test
    void inPlaceUpdateOfALeafWorksOutsideTheCollectorOnTheEngineThread() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2});
            x.setRequiresGradient(true);
            x.subi(1f);
            assertThat(x.toFloatArray()).containsExactly(0f, 1f);
            assertThat(x.hasGradient()).isTrue();
        }
    }

    @Test
    @SuppressWarnings("try") // the collector is opened only for the grad mode it switches on
    void inPlaceUpdateOfALeafFailsInsideTheCollectorButTheAliasWorks() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2});
            x.setRequiresGradient(true);
            Throwable failure = null;
            try (GradientCollector c = Engine.getInstance().newGradientCollector();
                    NDManager step = m.newSubManager()) {
                try {
                    x.subi(1f);
                } catch (RuntimeException e) {
                    failure = e;
                }
                InPlace.view(x, step).subi(1f);
            }
            assertThat(failure).as("libtorch refuses in-place ops on a grad-requiring leaf in grad mode").isNotNull();
            assertThat(x.toFloatArray()).containsExactly(0f, 1f);
        }
    }

    @Test
    void onAnotherThreadOnlyTheAliasCanUpdateALeaf() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2});
            x.setRequiresGradient(true);
            AtomicReference<Throwable> direct = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    x.subi(1f);
                } catch (RuntimeException e) {
                    direct.set(e);
                }
                try (NDManager step = m.newSubManager()) {
                    InPlace.view(x, step).subi(1f);
                }
            });
            worker.start();
            worker.join();
            // Grad mode is thread-local in libtorch and DJL switches it off only on the thread that
            // loaded the engine, so a direct in-place update from any other thread is refused.
            assertThat(direct.get()).hasMessageContaining("leaf Variable that requires grad");
            assertThat(x.toFloatArray()).containsExactly(0f, 1f);
        }
    }

    @Test
    void optimizerStepsKeepTheArrayCountFlat() {
        for (int which = 0; which < 2; which++) {
            try (NDManager model = NDManager.newBaseManager(); NDManager state = NDManager.newBaseManager()) {
                TinyRun run = new TinyRun(model);
                Optimizer opt = which == 0 ? new Sgd(state, 0.9, 1e-4) : new AdamW(state, 0.05);
                run.step(opt, new CosineSchedule(0.01, 0, 100), 0); // leaves gradients and creates the state
                int modelArrays = model.getManagedArrays().size();
                int stateArrays = state.getManagedArrays().size();
                for (int t = 1; t < 6; t++) opt.step(run.params, 0.01);
                assertThat(model.getManagedArrays().size()).as(opt.name() + " model").isEqualTo(modelArrays);
                assertThat(state.getManagedArrays().size()).as(opt.name() + " state").isEqualTo(stateArrays);
            }
        }
    }

    @Test
    void copyWritesIntoTheExistingStorage() {
        try (NDManager m = NDManager.newBaseManager(); NDManager step = m.newSubManager()) {
            NDArray x = m.create(new float[] {Float.NaN, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
            x.setRequiresGradient(true);
            NDArray view = InPlace.view(x, step);
            InPlace.copy(x, step.create(new float[] {5, 6, 7, 8}, new ai.djl.ndarray.types.Shape(2, 2)), step);
            assertThat(x.toFloatArray()).containsExactly(5, 6, 7, 8);
            assertThat(view.toFloatArray()).containsExactly(5, 6, 7, 8);
            assertThat(x.hasGradient()).isTrue();
        }
    }
}
