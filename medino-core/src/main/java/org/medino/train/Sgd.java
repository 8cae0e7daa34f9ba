package org.medino.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medino.checkpoint.HostTensor;
import org.medino.nn.Gradients;
import org.medino.nn.InPlace;
import org.medino.nn.Parameter;

/**
 * {@code torch.optim.SGD(params, lr, momentum, dampening=0, nesterov=False, weight_decay)} with
 * two parameter groups: weight decay on parameters that {@link Parameter#decays()}, none on the rest.
 *
 * <p>Per parameter p with gradient g: d = g + wd·p; buf = momentum·buf + d (buf starts at 0, so the
 * first step gives buf = d exactly as torch's clone does); p ← p − lr·buf. Without momentum
 * p ← p − lr·d. Torch fuses "a + α·b" into one rounding where this takes two, so results agree to
 * float32 rounding (~1e-7 relative), not bitwise.
 */
public final class Sgd implements Optimizer {
    static final String MOMENTUM_BUFFER = "momentum_buffer";

    private final NDManager stateManager;
    private final double momentum;
    private final double weightDecay;
    private final Slots slots;

    /**
     * @param stateManager long-lived owner of the momentum buffers (and parent of step scopes)
     */
    public Sgd(NDManager stateManager, double momentum, double weightDecay) {
        this.stateManager = stateManager;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.slots = new Slots(stateManager);
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public void step(List<Parameter> params, double lr) {
        try (NDManager step = stateManager.newSubManager()) {
            for (Parameter p : params) {
                NDArray weight = InPlace.view(p.array(), step);
                NDArray d = Gradients.of(p.array(), step);
                if (p.decays() && weightDecay != 0) {
                    d = d.add(weight.mul((float) weightDecay));
                }
                if (momentum != 0) {
                    NDArray buffer = InPlace.view(slots.get(p, MOMENTUM_BUFFER), step);
                    buffer.muli((float) momentum).addi(d);
                    d = buffer;
                }
                weight.subi(d.mul((float) lr));
            }
        }
    }

    @Override
    public Map<String, HostTensor> state() {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        slots.copyTo(out);
        return out;
    }

    @Override
    public void loadState(Map<String, HostTensor> state) {
        slots.load(state, MOMENTUM_BUFFER);
    }
}
