package org.medino.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.MedinoException;
import org.medino.testing.Fixtures;

class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void readsAFileWrittenByTheReferenceLibrary() {
        // inputs.safetensors was written by Python's safetensors; shapes from about.json
        Map<String, HostTensor> t = Safetensors.read(Fixtures.parityModel("vits14-style").resolve("inputs.safetensors"));
        assertThat(t.keySet()).containsExactly("native", "wide");
        assertThat(t.get("native").shape()).containsExactly(2, 3, 98, 98);
        assertThat(t.get("wide").shape()).containsExactly(1, 3, 84, 126);
        assertThat(t.get("native").dtype()).isEqualTo(DType.F32);
    }

    @Test
    void roundTripsTensorsAndMetadata() {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        tensors.put("a", HostTensor.ofFloats(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f}));
        tensors.put("scalar", HostTensor.ofFloats(new long[] {}, new float[] {7}));
        tensors.put("empty", HostTensor.ofFloats(new long[] {0, 4}, new float[0]));
        Path file = dir.resolve("x.safetensors");
        Safetensors.write(file, tensors, Map.of("format", "pt"));

        Safetensors.Contents back = Safetensors.readWithMetadata(file);
        assertThat(back.metadata()).containsEntry("format", "pt");
        assertThat(back.tensors().get("a").toFloats()).containsExactly(1, 2, 3, 4, 5, -6.5f);
        assertThat(back.tensors().get("scalar").shape()).isEmpty();
        assertThat(back.tensors().get("empty").numel()).isZero();
        assertThat(dir.toFile().list()).containsExactly("x.safetensors"); // no temporary file left
    }

    @Test
    void headerIsPaddedToEightBytes() throws IOException {
        Path file = dir.resolve("x.safetensors");
        Safetensors.write(file, Map.of("abc", HostTensor.ofFloats(new long[] {1}, new float[] {1})), Map.of());
        long headerLength = ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(headerLength % 8).isZero();
    }

    @Test
    void widensHalfAndBfloat16Exactly() {
        // hand-worked bit patterns
        HostTensor half = raw(DType.F16, new short[] {0x3C00, (short) 0xC000, 0x7BFF, 0x0001, (short) 0xFC00, 0x3555});
        assertThat(half.toFloats()).containsExactly(1f, -2f, 65504f, 0x1p-24f, Float.NEGATIVE_INFINITY, 0.333251953125f);
        HostTensor bf16 = raw(DType.BF16, new short[] {0x3F80, (short) 0xC000, 0x4049, 0x0000});
        assertThat(bf16.toFloats()).containsExactly(1f, -2f, 3.140625f, 0f);
    }

    private static HostTensor raw(DType type, short[] bits) {
        ByteBuffer b = ByteBuffer.allocate(bits.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : bits) b.putShort(s);
        b.flip();
        return new HostTensor(type, new long[] {bits.length}, b);
    }

    @Test
    void truncatedFileIsAClearError() throws IOException {
        Path good = Fixtures.parityModel("vits14-style").resolve("official.safetensors");
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Safetensors.read(cut))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("cut.safetensors")
                .hasMessageContaining("outside the");
    }

    @Test
    void garbageAndBadHeadersAreClearErrors() throws IOException {
        assertBad(new byte[] {1, 2, 3}, "too short");
        assertBad(header(Long.MAX_VALUE, ""), "header length");
        assertBad(header(5, "{oops"), "not valid JSON");
        assertBad(header(2, "[]"), "not a JSON object");
        assertBad(withData("{\"t\":{\"dtype\":\"Q9\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4), "unknown dtype");
        assertBad(withData("{\"t\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4), "needs 8 bytes");
        assertBad(withData("{\"t\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4), "bad shape");
        assertBad(withData("{\"t\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4), "no data_offsets");
    }

    private void assertBad(byte[] content, String problem) throws IOException {
        Path file = dir.resolve("bad.safetensors");
        Files.write(file, content);
        assertThatThrownBy(() -> Safetensors.read(file))
                .isInstanceOf(MedinoException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static byte[] header(long length, String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + text.length).order(ByteOrder.LITTLE_ENDIAN).putLong(length).put(text).array();
    }

    private static byte[] withData(String json, int dataBytes) {
        byte[] h = header(json.getBytes(StandardCharsets.UTF_8).length, json);
        return Arrays.copyOf(h, h.length + dataBytes);
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> Safetensors.read(dir.resolve("nope.safetensors")))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("nope.safetensors: no such file");
    }
}
