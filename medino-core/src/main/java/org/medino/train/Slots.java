package org.medino.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medino.checkpoint.HostTensor;
import org.medino.nn.Parameter;

/**
 * An optimizer's per-parameter state tensors ("slots", e.g. {@code momentum_buffer}), created
 * lazily as zeros in the long-lived manager and keyed {@code "<parameter>.<slot>"} so that a
 * checkpoint stays readable and matches parameters by name, not by position.
 */
final class Slots {
    private final NDManager manager;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    Slots(NDManager manager) {
        this.manager = manager;
    }

    /** The slot of {@code p}, zeros of its shape on first use. */
    NDArray get(Parameter p, String slot) {
        return arrays.computeIfAbsent(p.name() + "." + slot, k -> manager.zeros(p.array().getShape()));
    }

    /** Host copies of every slot, in creation order. */
    void copyTo(Map<String, HostTensor> out) {
        arrays.forEach((k, v) -> out.put(k, HostArrays.toHost(v)));
    }

    /** Frees the current slots and loads the entries of {@code state} that end in one of {@code slots}. */
    void load(Map<String, HostTensor> state, String... slots) {
        arrays.values().forEach(NDArray::close);
        arrays.clear();
        state.forEach((key, tensor) -> {
            for (String slot : slots) {
                if (key.endsWith("." + slot)) {
                    arrays.put(key, HostArrays.toArray(manager, tensor));
                }
            }
        });
    }
}
