package org.medino.segment;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medino.checkpoint.HostTensor;
import org.medino.nn.Buffer;
import org.medino.nn.Module;
import org.medino.nn.Parameter;

/** The parts of {@link SegmentationNetwork} that come straight from the trainable module. */
abstract class ModuleNetwork implements SegmentationNetwork {
    protected final Module module;

    ModuleNetwork(Module module) {
        this.module = module;
    }

    @Override
    public List<Parameter> trainable() {
        return module.parameters();
    }

    @Override
    public Map<String, NDArray> buffers() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Buffer b : module.buffers()) out.put(b.name(), b.array());
        return out;
    }

    @Override
    public Map<String, HostTensor> state() {
        return module.stateDict();
    }

    @Override
    public void loadState(Map<String, HostTensor> state) {
        module.loadStateDict(state);
    }

    @Override
    public void reseed(long seed) {
        module.reseedDropout(seed);
    }

    @Override
    public void close() {
        module.close();
    }
}
