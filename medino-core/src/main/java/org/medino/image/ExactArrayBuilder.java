package org.medino.image;

/**
 * Fills an array of known length as float32 for as long as every value is exactly a float32,
 * widening once to float64 at the first value that is not. A reader can then assemble a large
 * volume in one pass and half the memory, without ever rounding a value.
 */
public final class ExactArrayBuilder {
    private float[] floats;
    private double[] doubles;

    public ExactArrayBuilder(int length) {
        this.floats = new float[length];
    }

    /** Writes {@code values} starting at {@code offset}. */
    public void put(int offset, double[] values) {
        if (doubles != null) {
            System.arraycopy(values, 0, doubles, offset, values.length);
            return;
        }
        for (int i = 0; i < values.length; i++) {
            float f = (float) values[i];
            if (f != values[i] && !Double.isNaN(values[i])) {
                widen();
                System.arraycopy(values, i, doubles, offset + i, values.length - i);
                return;
            }
            floats[offset + i] = f;
        }
    }

    private void widen() {
        doubles = new double[floats.length];
        for (int i = 0; i < floats.length; i++) doubles[i] = floats[i];
        floats = null;
    }

    public NdArray build(long... shape) {
        return doubles != null ? NdArray.ofDoubles(doubles, shape) : NdArray.ofFloats(floats, shape);
    }
}
