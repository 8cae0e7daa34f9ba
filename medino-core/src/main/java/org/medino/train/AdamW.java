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
 * {@code torch.optim.AdamW(params, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay)} as torch's
 * single-tensor, non-capturable path computes it, with weight decay only on parameters that
 * {@link Parameter#decays()}.
 *
 * <p>At step t (1-based) with gradient g:
 * <pre>
 *   p ← p·(1 − lr·wd)                       (decoupled decay, before the Adam update)
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   denom = sqrt(v) / sqrt(1 − β2^t) + eps
 *   p ← p − (lr / (1 − β1^t)) · m / denom
 * </pre>
 * The bias corrections are computed in double on the host, as torch does with Python floats. One
 * step counter serves all parameters because they always step together.
 */
public final class AdamW implements Optimizer {
    static final String EXP_AVG = "exp_avg";
    static final String EXP_AVG_SQ = "exp_avg_sq";
    static final String STEP = "step";
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPS = 1e-8;

    private final NDManager stateManager;
    private final double weightDecay;
    private final Slots slots;
    private long steps;

    /**
     * @param stateManager long-lived owner of the moment estimates (and parent of step scopes)
     */
    public AdamW(NDManager stateManager, double weightDecay) {
        this.stateManager = stateManager;
        this.weightDecay = weightDecay;
        this.slots = new Slots(stateManager);
    }

    @Override
    public String name() {
        return "adamw";
    }

    /** Steps taken so far (torch's {@code state["step"]}). */
    public long steps() {
        return steps;
    }

    @Override
    public void step(List<Parameter> params, double lr) {
        steps++;
        double stepSize = lr / (1 - Math.pow(BETA1, steps));
        double correction2Sqrt = Math.sqrt(1 - Math.pow(BETA2, steps));
        try (NDManager step = stateManager.newSubManager()) {
            for (Parameter p : params) {
                NDArray weight = InPlace.view(p.array(), step);
                NDArray g = Gradients.of(p.array(), step);
                if (p.decays() && weightDecay != 0) {
                    weight.muli((float) (1 - lr * weightDecay));
                }
                NDArray m = InPlace.view(slots.get(p, EXP_AVG), step);
                NDArray v = InPlace.view(slots.get(p, EXP_AVG_SQ), step);
                m.muli((float) BETA1).addi(g.mul((float) (1 - BETA1)));
                v.muli((float) BETA2).addi(g.mul(g).mul((float) (1 - BETA2)));
                NDArray denom = v.sqrt().div((float) correction2Sqrt).add((float) EPS);
                weight.subi(m.div(denom).mul((float) stepSize));
            }
        }
    }

    @Override
    public Map<String, HostTensor> state() {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        out.put(STEP, HostArrays.ofLong(steps));
        slots.copyTo(out);
        return out;
    }

    @Override
    public void loadState(Map<String, HostTensor> state) {
        HostTensor counter = state.get(STEP);
        if (counter == null) {
            throw new IllegalArgumentException("AdamW state has no 'step' entry");
        }
        steps = HostArrays.toLong(counter);
        slots.load(state, EXP_AVG, EXP_AVG_SQ);
    }
}
