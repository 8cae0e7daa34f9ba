package org.medino.train;

import java.util.List;
import java.util.Map;
import org.medino.checkpoint.HostTensor;
import org.medino.nn.Parameter;

/**
 * Updates parameters in place from the gradients autograd left on them.
 *
 * <p>Implementations keep their state (momentum, moments) in a long-lived manager given at
 * construction and every per-step temporary in a sub-manager closed at the end of the step, so
 * memory stays flat over a run. The caller zeroes the gradients between steps
 * ({@link org.medino.nn.Gradients#zero(java.util.List)}): libtorch accumulates them.
 */
public interface Optimizer {

    /** The name stored in checkpoints ({@code "sgd"}, {@code "adamw"}). */
    String name();

    /**
     * One update of every parameter with its current gradient (zero if it has none yet).
     *
     * @param lr this step's learning rate, usually from a {@link CosineSchedule}
     */
    void step(List<Parameter> params, double lr);

    /** A host copy of the state, keyed {@code "<parameter>.<slot>"} plus optimizer-wide entries. */
    Map<String, HostTensor> state();

    /** Replaces the state with one returned by {@link #state()} (possibly from another process). */
    void loadState(Map<String, HostTensor> state);
}
