package org.medino.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.medino.checkpoint.DType;
import org.medino.checkpoint.HostTensor;

/** Conversions between device arrays and the host tensors checkpoints are made of. */
public final class HostArrays {
    private HostArrays() {}

    /** A float32 host copy of {@code array}. */
    public static HostTensor toHost(NDArray array) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("expected a float32 array, got " + array.getDataType());
        }
        return HostTensor.ofFloats(array.getShape().getShape(), array.toFloatArray());
    }

    /** A new float32 array in {@code manager} holding {@code tensor}'s values. */
    public static NDArray toArray(NDManager manager, HostTensor tensor) {
        return manager.create(tensor.toFloats(), new Shape(tensor.shape()));
    }

    /** A 0-d int64 tensor: counters must survive a checkpoint exactly, which float32 would not. */
    public static HostTensor ofLong(long value) {
        ByteBuffer bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value);
        return new HostTensor(DType.I64, new long[0], bytes);
    }

    /** Reads a one-element int64 tensor written by {@link #ofLong}. */
    public static long toLong(HostTensor tensor) {
        if (tensor.dtype() != DType.I64 || tensor.numel() != 1) {
            throw new IllegalArgumentException("expected one int64 value, got " + tensor);
        }
        return tensor.data().getLong(0);
    }
}
