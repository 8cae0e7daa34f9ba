package org.medino.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Turns torch's (storage, offset, size, stride) view into a contiguous {@link HostTensor}.
 *
 * <p>A checkpoint stores whole storages, and a tensor may view any part of one: a slice, a
 * transpose, an expand (stride 0). Contiguous views share the storage's bytes; the rest are
 * copied element by element into a fresh row-major buffer.
 */
final class TensorView {
    private TensorView() {}

    static HostTensor gather(TorchStorage storage, long offset, long[] size, long[] stride) {
        if (size.length != stride.length) {
            throw PickleError.corrupt("tensor has " + size.length + " sizes but " + stride.length + " strides");
        }
        long numel = 1;
        long lastElement = offset; // index of the view's last element in the storage
        try {
            for (int d = 0; d < size.length; d++) {
                if (size[d] < 0 || stride[d] < 0) {
                    throw PickleError.corrupt("tensor has a negative size or stride: size "
                            + Arrays.toString(size) + ", stride " + Arrays.toString(stride));
                }
                numel = Math.multiplyExact(numel, size[d]);
                if (size[d] > 0) {
                    lastElement = Math.addExact(lastElement, Math.multiplyExact(size[d] - 1, stride[d]));
                }
            }
        } catch (ArithmeticException e) {
            throw PickleError.corrupt("tensor size " + Arrays.toString(size) + " overflows");
        }
        DType dtype = storage.dtype();
        if (numel == 0) {
            return new HostTensor(dtype, size, ByteBuffer.allocate(0));
        }
        if (offset < 0 || lastElement >= storage.numel()) {
            throw PickleError.corrupt("tensor of size " + Arrays.toString(size) + ", stride "
                    + Arrays.toString(stride) + " and offset " + offset + " reaches past the end of storage '"
                    + PickleError.printable(storage.key()) + "' (" + storage.numel() + " elements)");
        }
        if (numel > Integer.MAX_VALUE / dtype.bytes()) {
            throw PickleError.unsupported("tensors over 2 GiB (this one is " + dtype + Arrays.toString(size) + ")");
        }
        int elem = dtype.bytes();
        ByteBuffer source = storage.bytes();
        if (isContiguous(size, stride)) {
            return new HostTensor(dtype, size, source.slice((int) offset * elem, (int) numel * elem));
        }
        return new HostTensor(dtype, size, copy(source, elem, (int) offset, size, stride, (int) numel));
    }

    /** Row-major with no gaps; dimensions of size 1 may have any stride. */
    private static boolean isContiguous(long[] size, long[] stride) {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= size[d];
        }
        return true;
    }

    /** Walks the view's indices in row-major order, like an odometer, copying one element each. */
    private static ByteBuffer copy(ByteBuffer source, int elem, int offset, long[] size, long[] stride, int numel) {
        ByteBuffer out = ByteBuffer.allocate(numel * elem).order(ByteOrder.LITTLE_ENDIAN);
        int rank = size.length;
        long[] index = new long[rank];
        long position = offset; // storage element of the current index; fits in int after the bounds check
        for (int n = 0; n < numel; n++) {
            out.put(n * elem, source, (int) position * elem, elem);
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < size[d]) {
                    position += stride[d];
                    break;
                }
                position -= (size[d] - 1) * stride[d];
                index[d] = 0;
            }
        }
        return out;
    }
}
