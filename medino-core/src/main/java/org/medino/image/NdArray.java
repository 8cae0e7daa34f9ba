package org.medino.image;

import java.util.Arrays;

/**
 * An n-dimensional array of voxel values in row-major (C) order, held as float32 when every value
 * is exactly a float32 and as float64 otherwise, so that no reader ever rounds what it read.
 *
 * <p>The meaning of each axis is fixed by whoever made the array and documented there (see
 * {@link MedicalImage#axes()}).
 */
public final class NdArray {
    private final long[] shape;
    private final float[] floats;
    private final double[] doubles;

    private NdArray(long[] shape, float[] floats, double[] doubles) {
        this.shape = shape.clone();
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            n = Math.multiplyExact(n, d);
        }
        int length = floats != null ? floats.length : doubles.length;
        if (n != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + length);
        }
        this.floats = floats;
        this.doubles = doubles;
    }

    /** Wraps (does not copy) float32 values. */
    public static NdArray ofFloats(float[] values, long... shape) {
        return new NdArray(shape, values, null);
    }

    /** Wraps (does not copy) float64 values, whether or not they would fit float32. */
    public static NdArray ofDoubles(double[] values, long... shape) {
        return new NdArray(shape, null, values);
    }

    /** float32 storage if every value survives the round trip, else float64 (wrapped, not copied). */
    public static NdArray ofExact(double[] values, long... shape) {
        float[] narrow = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            narrow[i] = (float) values[i];
            if (narrow[i] != values[i] && !(Double.isNaN(values[i]))) {
                return ofDoubles(values, shape);
            }
        }
        return ofFloats(narrow, shape);
    }

    public long[] shape() {
        return shape.clone();
    }

    public long dim(int axis) {
        return shape[axis];
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return floats != null ? floats.length : doubles.length;
    }

    /** True when the values need float64 to be exact. */
    public boolean isDouble() {
        return doubles != null;
    }

    public double get(int flatIndex) {
        return floats != null ? floats[flatIndex] : doubles[flatIndex];
    }

    /** The values as float32: the backing array itself when stored as float32, else a rounded copy. */
    public float[] floats() {
        if (floats != null) {
            return floats;
        }
        float[] out = new float[doubles.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) doubles[i];
        return out;
    }

    /** The values as float64: the backing array itself when stored as float64, else a widened copy. */
    public double[] doubles() {
        if (doubles != null) {
            return doubles;
        }
        double[] out = new double[floats.length];
        for (int i = 0; i < out.length; i++) out[i] = floats[i];
        return out;
    }

    /** The same values under another shape with as many elements. */
    public NdArray reshape(long... newShape) {
        return new NdArray(newShape, floats, doubles);
    }

    @Override
    public String toString() {
        return (isDouble() ? "float64" : "float32") + Arrays.toString(shape);
    }
}
