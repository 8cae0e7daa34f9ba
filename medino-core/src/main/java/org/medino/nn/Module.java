package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.checkpoint.HostTensor;

/**
 * A node of a trainable network: its own parameters and buffers plus named child modules, all
 * registered in a fixed order so that the dotted names ({@code "decoders.0.up.weight"}) and their
 * order equal PyTorch's {@code state_dict()} for the equivalent torch module (own parameters, own
 * buffers, then each child in registration order).
 *
 * <p>Parameters and buffers live in the tree's {@link ModuleContext} manager. Forward methods put
 * every activation in the input's manager (the caller's scope), never in the parameter manager,
 * so training for thousands of steps keeps the parameter manager at a constant size.
 *
 * <p>A new module is in training mode, as in PyTorch.
 */
public abstract class Module implements AutoCloseable {
    private final ModuleContext context;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    protected Module(ModuleContext context) {
        this.context = context;
    }

    protected final ModuleContext context() {
        return context;
    }

    /** Registers a trainable tensor under {@code name} and attaches a gradient to it. */
    protected final NDArray addParameter(String name, NDArray array, boolean decays) {
        checkName(name);
        array.setRequiresGradient(true);
        parameters.put(name, new Parameter(name, array, decays));
        return array;
    }

    /** Registers a state tensor that is saved and loaded but not trained. */
    protected final NDArray addBuffer(String name, NDArray array) {
        checkName(name);
        buffers.put(name, array);
        return array;
    }

    /** Registers {@code child} under {@code name} and returns it. */
    protected final <M extends Module> M addChild(String name, M child) {
        checkName(name);
        if (((Module) child).context != context) {
            throw new IllegalArgumentException("child " + name + " was built in another context");
        }
        children.put(name, child);
        return child;
    }

    private void checkName(String name) {
        if (name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("bad module entry name: '" + name + "'");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalStateException("registered twice: " + name);
        }
    }

    /** All parameters of the tree with their dotted names, in state-dict order. */
    public final List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        collectParameters("", out);
        return Collections.unmodifiableList(out);
    }

    private void collectParameters(String prefix, List<Parameter> out) {
        for (Parameter p : parameters.values()) {
            out.add(new Parameter(prefix + p.name(), p.array(), p.decays()));
        }
        for (Map.Entry<String, Module> child : children.entrySet()) {
            child.getValue().collectParameters(prefix + child.getKey() + ".", out);
        }
    }

    /** All buffers of the tree with their dotted names, in state-dict order. */
    public final List<Buffer> buffers() {
        List<Buffer> out = new ArrayList<>();
        collectBuffers("", out);
        return Collections.unmodifiableList(out);
    }

    private void collectBuffers(String prefix, List<Buffer> out) {
        for (Map.Entry<String, NDArray> b : buffers.entrySet()) {
            out.add(new Buffer(prefix + b.getKey(), b.getValue()));
        }
        for (Map.Entry<String, Module> child : children.entrySet()) {
            child.getValue().collectBuffers(prefix + child.getKey() + ".", out);
        }
    }

    /** Number of trainable scalars. */
    public final long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.array().size();
        }
        return n;
    }

    /** Switches the whole tree to training (true) or evaluation (false) mode; returns this. */
    public Module train(boolean on) {
        training = on;
        for (Module child : children.values()) {
            child.train(on);
        }
        return this;
    }

    /**
     * Restarts the random stream the tree's dropout layers draw from, so that randomness is a
     * function of the seed a trainer passes, e.g. (run seed, epoch), and not of how many steps ran
     * before. The stream is libtorch's global CPU generator (see {@link Dropout}).
     */
    public final void reseedDropout(long seed) {
        Dropout.seedGenerator(seed);
    }

    public final boolean isTraining() {
        return training;
    }

    /** Zeroes the accumulated gradient of every parameter (DJL never does it by itself). */
    public final void zeroGradients() {
        for (Parameter p : parameters()) {
            Gradients.zero(p.array());
        }
    }

    /** Parameters and buffers copied to the host as float32, in state-dict order. */
    public final Map<String, HostTensor> stateDict() {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        stateArrays().forEach((name, array) -> out.put(name, toHost(array)));
        return out;
    }

    /** Every parameter and buffer under its dotted name, in PyTorch's state-dict order. */
    private Map<String, NDArray> stateArrays() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        collectState("", out);
        return out;
    }

    private void collectState(String prefix, Map<String, NDArray> out) {
        for (Parameter p : parameters.values()) {
            out.put(prefix + p.name(), p.array());
        }
        for (Map.Entry<String, NDArray> b : buffers.entrySet()) {
            out.put(prefix + b.getKey(), b.getValue());
        }
        for (Map.Entry<String, Module> child : children.entrySet()) {
            child.getValue().collectState(prefix + child.getKey() + ".", out);
        }
    }

    private static HostTensor toHost(NDArray array) {
        return HostTensor.ofFloats(array.getShape().getShape(), array.toFloatArray());
    }

    /**
     * Overwrites every parameter and buffer in place (identity, gradient flag and manager stay).
     *
     * <p>Strict, like PyTorch's {@code load_state_dict(strict=True)}: nothing is changed unless
     * the keys match exactly and every shape agrees; otherwise the error lists every missing,
     * unexpected and mis-shaped key.
     */
    public final void loadStateDict(Map<String, HostTensor> state) {
        Map<String, NDArray> targets = stateArrays();
        List<String> missing = new ArrayList<>();
        List<String> misShaped = new ArrayList<>();
        for (Map.Entry<String, NDArray> target : targets.entrySet()) {
            HostTensor value = state.get(target.getKey());
            if (value == null) {
                missing.add(target.getKey());
            } else if (!Arrays.equals(value.shape(), target.getValue().getShape().getShape())) {
                misShaped.add(target.getKey() + " (expected " + target.getValue().getShape() + ", got "
                        + new Shape(value.shape()) + ")");
            } else if (!value.dtype().isFloating()) {
                misShaped.add(target.getKey() + " (dtype " + value.dtype() + " is not floating point)");
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String key : state.keySet()) {
            if (!targets.containsKey(key)) {
                unexpected.add(key);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !misShaped.isEmpty()) {
            throw new MedinoException("state dict does not match " + getClass().getSimpleName()
                    + ": missing " + missing + "; unexpected " + unexpected + "; wrong shape " + misShaped);
        }
        // Copied into the existing storage: every array keeps its identity and gradient flag.
        try (NDManager scope = context.manager().newSubManager()) {
            for (Map.Entry<String, NDArray> target : targets.entrySet()) {
                HostTensor value = state.get(target.getKey());
                InPlace.copy(target.getValue(), scope.create(value.toFloats(), new Shape(value.shape())), scope);
            }
        }
    }

    /** {@link #loadStateDict(Map)} from plain float arrays and their shapes. */
    public final void loadStateDict(Map<String, float[]> values, Map<String, long[]> shapes) {
        Map<String, HostTensor> state = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> entry : values.entrySet()) {
            long[] shape = shapes.get(entry.getKey());
            if (shape == null) {
                throw new IllegalArgumentException("no shape given for " + entry.getKey());
            }
            state.put(entry.getKey(), HostTensor.ofFloats(shape, entry.getValue()));
        }
        loadStateDict(state);
    }

    /** Frees the parameters and buffers of the whole tree; call it on the root only. */
    @Override
    public void close() {
        context.close();
    }
}
