package org.medino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * What a module tree is built with: the long-lived manager that owns every parameter and buffer,
 * and the seeded random source their initial values come from.
 *
 * <p>All modules of one tree share one context, so the tree's native memory is released in one
 * go by {@link #close()} (which {@link Module#close()} on the root calls). Initial values are drawn
 * on the host from a {@link SplittableRandom} in construction order: the same seed and the same
 * architecture give the same weights on every machine (but not torch's weights; bit-equality with
 * torch's generator is not a goal).
 */
public final class ModuleContext implements AutoCloseable {
    private final NDManager manager;
    private final SplittableRandom random;

    private ModuleContext(NDManager manager, long seed) {
        this.manager = manager;
        this.random = new SplittableRandom(seed);
    }

    /** A context whose manager is a new child of {@code parent}. */
    public static ModuleContext create(NDManager parent, long seed) {
        return new ModuleContext(parent.newSubManager(), seed);
    }

    /** The manager that owns the parameters; never pass it activations. */
    public NDManager manager() {
        return manager;
    }

    /** An independent random stream (for a dropout layer, say), split off the construction stream. */
    public SplittableRandom split() {
        return random.split();
    }

    /** Uniform values in [-bound, bound), the shape of PyTorch's default weight and bias inits. */
    public NDArray uniform(double bound, long... shape) {
        Shape s = new Shape(shape);
        float[] values = new float[Math.toIntExact(s.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return manager.create(values, s);
    }

    /** Normal values with standard deviation {@code std}, truncated at two deviations. */
    public NDArray truncatedNormal(double std, long... shape) {
        Shape s = new Shape(shape);
        float[] values = new float[Math.toIntExact(s.size())];
        for (int i = 0; i < values.length; i++) {
            double v;
            do {
                v = gaussian();
            } while (Math.abs(v) > 2);
            values[i] = (float) (v * std);
        }
        return manager.create(values, s);
    }

    public NDArray zeros(long... shape) {
        return manager.zeros(new Shape(shape));
    }

    public NDArray ones(long... shape) {
        return manager.ones(new Shape(shape));
    }

    private double gaussian() {
        // Box-Muller on the shared stream keeps the draw order deterministic.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Frees every parameter and buffer of the tree. */
    @Override
    public void close() {
        manager.close();
    }
}
