package org.medino.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A dense tensor in host memory, as read from (or written to) a weight file: element type, shape
 * and the contiguous row-major bytes in little-endian order.
 *
 * <p>It is the common currency of the checkpoint readers. Converting to float32 happens here,
 * on the host, because DJL 0.36 cannot hold bfloat16 without crashing.
 */
public final class HostTensor {
    private final DType dtype;
    private final long[] shape;
    private final ByteBuffer data;

    /**
     * @param data little-endian bytes; exactly {@code numel(shape) * dtype.bytes()} of them remain
     */
    public HostTensor(DType dtype, long[] shape, ByteBuffer data) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        long expected = numel(shape) * dtype.bytes();
        if (this.data.remaining() != expected) {
            throw new IllegalArgumentException(
                    "tensor of shape " + Arrays.toString(shape) + " and type " + dtype + " needs "
                            + expected + " bytes, got " + this.data.remaining());
        }
    }

    /** A float32 tensor holding a copy of {@code values}. */
    public static HostTensor ofFloats(long[] shape, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return new HostTensor(DType.F32, shape, buffer);
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long numel() {
        return numel(shape);
    }

    /** A read-only little-endian view of the bytes. */
    public ByteBuffer data() {
        return data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The values as float32. F16 and BF16 widen exactly; F64 and integers round to nearest.
     *
     * @throws IllegalStateException if the tensor has more than 2^31 - 1 elements
     */
    public float[] toFloats() {
        long n = numel();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalStateException("tensor too large for one array: " + n + " elements");
        }
        float[] out = new float[(int) n];
        ByteBuffer b = data();
        switch (dtype) {
            case F32 -> b.asFloatBuffer().get(out);
            case F64 -> {
                for (int i = 0; i < out.length; i++) out[i] = (float) b.getDouble(i * 8);
            }
            case F16 -> {
                for (int i = 0; i < out.length; i++) out[i] = halfToFloat(b.getShort(i * 2));
            }
            case BF16 -> {
                // bfloat16 is the upper half of a float32: shifting it back is exact.
                for (int i = 0; i < out.length; i++) out[i] = Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16);
            }
            case I64 -> {
                for (int i = 0; i < out.length; i++) out[i] = b.getLong(i * 8);
            }
            case I32 -> {
                for (int i = 0; i < out.length; i++) out[i] = b.getInt(i * 4);
            }
            case I16 -> {
                for (int i = 0; i < out.length; i++) out[i] = b.getShort(i * 2);
            }
            case I8 -> {
                for (int i = 0; i < out.length; i++) out[i] = b.get(i);
            }
            case U8, BOOL -> {
                for (int i = 0; i < out.length; i++) out[i] = b.get(i) & 0xff;
            }
        }
        return out;
    }

    /** IEEE 754 binary16 to float32, exact (Java 17 lacks Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            // infinity or NaN: keep the payload
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: value = mantissa * 2^-24, exact in float32
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** Product of the dimensions; 1 for a scalar. */
    public static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape);
    }
}
