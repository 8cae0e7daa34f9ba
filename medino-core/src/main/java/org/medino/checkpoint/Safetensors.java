package org.medino.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medino.MedinoException;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header
 * naming each tensor's dtype, shape and byte range, then the raw little-endian data.
 *
 * <p>Reading maps each tensor's byte range from the file instead of copying it, so a 4 GB
 * checkpoint costs no heap. Every header field is checked against the file before use: a
 * truncated or corrupt file is a {@link MedinoException} that names the file and the problem.
 */
public final class Safetensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The reference implementation refuses headers above 100 MB; so do we. */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private Safetensors() {}

    /** A file's tensors in header order, plus its {@code __metadata__} strings. */
    public record Contents(Map<String, HostTensor> tensors, Map<String, String> metadata) {}

    /** Reads all tensors of {@code file} (memory-mapped, read-only). */
    public static Map<String, HostTensor> read(Path file) {
        return readWithMetadata(file).tensors();
    }

    /** Reads all tensors and the metadata of {@code file}. */
    public static Contents readWithMetadata(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw bad(file, "file is " + size + " bytes, too short for a safetensors header");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.getLong(0);
            if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
                throw bad(file, "header length " + Long.toUnsignedString(headerLength)
                        + " does not fit a file of " + size + " bytes (truncated or not safetensors)");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, 8);
            JsonNode header = parseHeader(file, new String(headerBytes.array(), StandardCharsets.UTF_8));
            long dataStart = 8 + headerLength;
            return parseEntries(file, channel, header, dataStart, size - dataStart);
        } catch (NoSuchFileException e) {
            throw new MedinoException(file + ": no such file");
        } catch (IOException e) {
            throw new MedinoException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonNode parseHeader(Path file, String text) {
        try {
            JsonNode header = JSON.readTree(text);
            if (header == null || !header.isObject()) {
                throw bad(file, "header is not a JSON object");
            }
            return header;
        } catch (JsonProcessingException e) {
            throw bad(file, "header is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static Contents parseEntries(
            Path file, FileChannel channel, JsonNode header, long dataStart, long dataLength)
            throws IOException {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = header.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode entry = field.getValue();
            if (name.equals("__metadata__")) {
                entry.fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            DType dtype = DType.fromSafetensorsName(entry.path("dtype").asText(""));
            if (dtype == null) {
                throw bad(file, "tensor '" + name + "' has unknown dtype '" + entry.path("dtype").asText("") + "'");
            }
            long[] shape = longs(file, name, "shape", entry.path("shape"));
            long[] offsets = longs(file, name, "data_offsets", entry.path("data_offsets"));
            if (offsets.length != 2 || offsets[0] > offsets[1] || offsets[1] > dataLength) {
                throw bad(file, "tensor '" + name + "' has data_offsets " + java.util.Arrays.toString(offsets)
                        + " outside the " + dataLength + " data bytes (truncated file?)");
            }
            long expected;
            try {
                expected = Math.multiplyExact(HostTensor.numel(shape), dtype.bytes());
            } catch (ArithmeticException e) {
                throw bad(file, "tensor '" + name + "' has an impossible shape");
            }
            if (offsets[1] - offsets[0] != expected) {
                throw bad(file, "tensor '" + name + "' " + dtype + java.util.Arrays.toString(shape) + " needs "
                        + expected + " bytes but its data_offsets span " + (offsets[1] - offsets[0]));
            }
            ByteBuffer data = expected == 0
                    ? ByteBuffer.allocate(0)
                    : channel.map(FileChannel.MapMode.READ_ONLY, dataStart + offsets[0], expected);
            tensors.put(name, new HostTensor(dtype, shape, data));
        }
        return new Contents(tensors, metadata);
    }

    private static long[] longs(Path file, String tensor, String field, JsonNode node) {
        if (!node.isArray()) {
            throw bad(file, "tensor '" + tensor + "' has no " + field + " list");
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = node.get(i);
            if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
                throw bad(file, "tensor '" + tensor + "' has a bad " + field + " entry '" + v + "'");
            }
            values[i] = v.asLong();
        }
        return values;
    }

    /**
     * Writes {@code tensors} (in map order) and {@code metadata} to {@code file}, atomically:
     * the bytes go to a temporary file in the same folder that is renamed over the target.
     */
    public static void write(Path file, Map<String, HostTensor> tensors, Map<String, String> metadata) {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            // Sorted, so that the same content gives the same bytes whatever map the caller used.
            new java.util.TreeMap<>(metadata).forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
            HostTensor t = e.getValue();
            long bytes = t.numel() * t.dtype().bytes();
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", t.dtype().safetensorsName());
            var shape = entry.putArray("shape");
            for (long d : t.shape()) shape.add(d);
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        // Pad the header with spaces to a multiple of 8 so the data stays aligned, as the reference writer does.
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) head.put((byte) ' ');
        head.flip();
        AtomicFiles.write(file, channel -> {
            writeFully(channel, head);
            for (HostTensor t : tensors.values()) {
                writeFully(channel, t.data());
            }
        });
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) throw new IOException("unexpected end of file");
        }
        buffer.flip();
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static MedinoException bad(Path file, String problem) {
        return new MedinoException(file + ": not a valid safetensors file: " + problem);
    }
}
