package org.medino.checkpoint;

import java.nio.ByteBuffer;

/**
 * What a {@code BINPERSID} storage reference resolves to: a typed run of elements that tensors
 * view through offsets and strides.
 *
 * @param bytes little-endian, exactly {@code numel * dtype.bytes()} of them remain
 */
record TorchStorage(String key, DType dtype, long numel, ByteBuffer bytes) {}
