package org.medino.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medino.checkpoint.Fixtures.assertTensor;
import static org.medino.checkpoint.Fixtures.map;
import static org.medino.checkpoint.Fixtures.path;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medino.MedinoException;

class RestrictedUnpicklerTest {
    private static final RestrictedUnpickler.StorageSource NO_STORAGES = (key, dtype) -> {
        throw new AssertionError("no storage expected, asked for " + key);
    };

    /** Runs a pickle written as a string of latin-1 characters, one per byte. */
    private static Object load(String latin1) {
        return load(latin1, NO_STORAGES);
    }

    private static Object load(String latin1, RestrictedUnpickler.StorageSource storages) {
        return new RestrictedUnpickler("test.pkl", storages)
                .load(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static void assertCorrupt(String latin1, String message) {
        assertThatThrownBy(() -> load(latin1))
                .isInstanceOf(MedinoException.class)
                .hasMessage("test.pkl: " + message);
    }

    /** The values make_fixtures.py put in the mixed_p* files, tensor aside. */
    @SuppressWarnings("unchecked")
    static void assertMixedValues(Map<Object, Object> dict) {
        assertThat((List<Object>) dict.get("list")).containsExactly(1L, 2.5, "x", null, true, false);
        assertThat((List<Object>) dict.get("tuple")).containsExactly(1L, List.of(2L, 3L), List.of());
        assertThat(dict.get("float")).isEqualTo(-0.125);
        assertThat(dict.get("big")).isEqualTo(BigInteger.TWO.pow(70));
        assertThat(dict.get("negative")).isEqualTo(-(1L << 40));
        assertThat((byte[]) dict.get("bytes")).containsExactly(0, 0xff, 'h', 'i');
        assertThat((byte[]) dict.get("empty_bytes")).isEmpty();
        assertThat(dict.get("unicode")).isEqualTo("h\u00e9llo \u2713");
        assertThat(dict).containsEntry("none", null);
        assertThat(map(dict.get("empty_dict"))).isEmpty();
        assertThat((Set<Object>) dict.get("set")).containsExactlyInAnyOrder(7L, 8L);
        assertThat((Set<Object>) dict.get("frozenset")).containsExactly(9L);
        List<Object> shared = (List<Object>) dict.get("shared");
        assertThat(shared).containsExactly(List.of(1L, 2L), List.of(1L, 2L));
        assertThat(shared.get(0)).isSameAs(shared.get(1));
    }

    @Test
    void readsPlainValuesAtProtocol5() throws IOException {
        byte[] pickle = Files.readAllBytes(path("mixed_p5.pkl"));

        Map<Object, Object> dict = map(new RestrictedUnpickler("mixed_p5.pkl", NO_STORAGES).load(ByteBuffer.wrap(pickle)));

        assertMixedValues(dict);
        assertThat(dict).doesNotContainKey("tensor");
    }

    @Test
    void readsIntegersOfEveryWidth() {
        assertThat(load("\u0080\u0002K\u00ff.")).isEqualTo(255L);
        assertThat(load("M\u00ff\u00ff.")).isEqualTo(65535L);
        assertThat(load("J\u00ff\u00ff\u00ff\u00ff.")).isEqualTo(-1L);
        assertThat(load("\u008a\u0000.")).isEqualTo(0L);
        assertThat(load("\u008a\u0001\u00ff.")).isEqualTo(-1L);
        assertThat(load("\u008a\u0008\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u007f.")).isEqualTo(Long.MAX_VALUE);
        assertThat(load("\u008a\u0008\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0080.")).isEqualTo(Long.MIN_VALUE);
        assertThat(load("\u008a\u0009\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001."))
                .isEqualTo(BigInteger.TWO.pow(64));
        assertThat(load("\u008b\u0002\u0000\u0000\u0000\u0000\u0080.")).isEqualTo(-32768L);
    }

    @Test
    void readsBigEndianFloats() {
        // 1.5 is 0x3FF8000000000000
        assertThat(load("G\u003f\u00f8\u0000\u0000\u0000\u0000\u0000\u0000.")).isEqualTo(1.5);
    }

    @Test
    void handlesMarksAndTheStackLikeCPython() {
        // POP_MARK drops everything above the mark
        assertThat(load("K\u0001(K\u0002K\u00031.")).isEqualTo(1L);
        // POP with nothing above the mark drops the mark
        assertThat(load("K\u0001(0K\u0002\u0086.")).isEqualTo(List.of(1L, 2L));
        // DUP pushes the same object again
        Object pair = load("]2\u0086.");
        assertThat(((List<?>) pair).get(0)).isSameAs(((List<?>) pair).get(1));
        // the memo hands out the same object
        Object memo = load("]q\u0007h\u0007\u0086.");
        assertThat(((List<?>) memo).get(0)).isSameAs(((List<?>) memo).get(1));
        // Python 2 strings and dicts built from a mark
        assertThat(load("(U\u0001aK\u0001T\u0001\u0000\u0000\u0000bK\u0002d.")).isEqualTo(Map.of("a", 1L, "b", 2L));
        // NEWOBJ of an allowed class
        assertThat(load("ccollections\nOrderedDict\n)\u0081.")).isEqualTo(Map.of());
    }

    @Test
    void tuplesAreUnmodifiable() {
        assertCorrupt(")K\u0001a.", "corrupt pickle: APPEND to a tuple, not a list");
    }

    @Test
    void refusesUnhashableKeysAsPythonDoes() {
        // a list as a dict key
        assertCorrupt("}]K\u0001s.", "corrupt pickle: a list as a dict key or set element (it is unhashable)");
        // a set that contains itself, which would send hashCode into endless recursion
        assertCorrupt("\u008fq\u0000(h\u0000\u0090.",
                "corrupt pickle: a set as a dict key or set element (it is unhashable)");
        // tuples are fine as keys
        assertThat(load("}K\u0001K\u0002\u0086X\u0001\u0000\u0000\u0000xs."))
                .isEqualTo(Map.of(List.of(1L, 2L), "x"));
    }

    @Test
    void refusesAGlobalBeforeAnythingCallsIt() {
        assertThatThrownBy(() -> load("\u0080\u0002cos\nsystem\n."))
                .isInstanceOf(MedinoException.class)
                .hasMessage("test.pkl: refusing to load: global 'os.system' is not allowed in a weights file"
                        + " (only tensors, dicts, lists and numbers are, as with torch.load(weights_only=True))");
    }

    @Test
    void refusesStackGlobalsToo() throws IOException {
        byte[] pickle = Files.readAllBytes(path("evil_eval.pkl"));

        assertThatThrownBy(() -> new RestrictedUnpickler("evil_eval.pkl", NO_STORAGES).load(ByteBuffer.wrap(pickle)))
                .isInstanceOf(MedinoException.class)
                .hasMessageStartingWith("evil_eval.pkl: refusing to load: global 'builtins.eval' is not allowed");
        assertThat(java.nio.file.Path.of("/tmp/medino-pth-pwned")).doesNotExist();
    }

    @Test
    void refusesOtherTorchAndBuiltinNames() {
        for (String global : List.of("torch.load", "torch._utils._rebuild_qtensor", "builtins.getattr",
                "subprocess.Popen", "__builtin__.eval", "torch.serialization._get_layout")) {
            int dot = global.lastIndexOf('.');
            String pickle = "c" + global.substring(0, dot) + "\n" + global.substring(dot + 1) + "\n.";
            assertThatThrownBy(() -> load(pickle))
                    .hasMessageStartingWith("test.pkl: refusing to load: global '" + global + "'");
        }
    }

    @Test
    void saysWhichTensorTypesAreUnsupported() {
        assertCorrupt("ctorch\nComplexFloatStorage\n.", "tensors of type torch.ComplexFloatStorage are not supported");
    }

    @Test
    void keepsControlCharactersOutOfMessages() {
        assertThatThrownBy(() -> load("cevil\u001b[2J\nx\r\n."))
                .hasMessageStartingWith("test.pkl: refusing to load: global 'evil\\x1b[2J.x\\x0d' is not allowed");
    }

    @Test
    void reportsCorruptPickles() {
        assertCorrupt("0.", "corrupt pickle: POP with an empty stack");
        assertCorrupt("K\u0001(\u0085.", "corrupt pickle: TUPLE1 needs 1 items on the stack");
        assertCorrupt("K\u0001t.", "corrupt pickle: TUPLE without a MARK");
        assertCorrupt("h\u0005.", "corrupt pickle: BINGET of memo entry 5, which was never stored");
        assertCorrupt("K\u0001\u00ff.", "corrupt pickle: unknown or unsupported opcode 0xff at byte 2");
        assertCorrupt("\u0080\u0006.", "corrupt pickle: unsupported pickle protocol 6");
        assertCorrupt("K\u0001)R.", "corrupt pickle: REDUCE calls an integer, which is not callable");
        assertCorrupt("K\u0001s.", "corrupt pickle: SETITEM needs 2 items on the stack");
        assertCorrupt("}K\u0001s.", "corrupt pickle: SETITEM with an empty stack");
        assertCorrupt("ctorch._utils\n_rebuild_tensor_v2\nK\u0001\u0085R.",
                "corrupt pickle: torch._utils._rebuild_tensor_v2 takes 6 to 7 arguments, got 1");
        assertCorrupt("c_codecs\nencode\nX\u0001\u0000\u0000\u0000aX\u0005\u0000\u0000\u0000utf-8\u0086R.",
                "refusing to load: _codecs.encode with encoding 'utf-8' (only latin1, the way pickle stores bytes)");
    }

    @Test
    void reportsTruncatedPickles() {
        assertCorrupt("", "truncated pickle (no STOP opcode after 0 bytes)");
        assertCorrupt("K\u0001", "truncated pickle (no STOP opcode after 2 bytes)");
        assertCorrupt("J\u0001\u0002", "truncated pickle (ends inside BININT at byte 3)");
        assertCorrupt("X\u0010\u0000\u0000\u0000ab.",
                "truncated pickle (BINUNICODE of 16 bytes, but only 3 are left)");
        assertCorrupt("\u008d\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0080.",
                "corrupt pickle: BINUNICODE8 with negative length -9223372036854775808");
        assertCorrupt("cos\nsys", "truncated pickle (ends inside GLOBAL)");
    }

    @Test
    void asksTheStorageSourceForTensorData() {
        ByteBuffer pickle = Fixtures.zipEntry(path("views.pth"), "/data.pkl");
        List<String> asked = new ArrayList<>();
        // the views in views.pth come from arange storages: element i holds i
        RestrictedUnpickler unpickler = new RestrictedUnpickler("views.pth", (key, dtype) -> {
            asked.add(key + ":" + dtype);
            return arange(dtype, 24);
        });

        Map<Object, Object> dict = map(unpickler.load(pickle));

        // torch.save writes a storage's persistent id again for every tensor that views it, so
        // the source is asked once per tensor, and must cache (PthReader does)
        assertThat(asked).containsExactly("0:F32", "1:F32", "1:F32", "1:F32", "1:F32", "2:I64", "3:F16");
        assertTensor(dict.get("tail"), DType.F32, new long[] {2, 3}, new float[] {10, 11, 12, 13, 14, 15});
    }

    @Test
    void reportsAStorageShorterThanItsElementCount() {
        ByteBuffer pickle = Fixtures.zipEntry(path("views.pth"), "/data.pkl");
        RestrictedUnpickler unpickler = new RestrictedUnpickler("views.pth", (key, dtype) -> arange(dtype, 5));

        assertThatThrownBy(() -> unpickler.load(pickle))
                .isInstanceOf(MedinoException.class)
                .hasMessage("views.pth: storage '0' has 20 bytes, but the pickle says it holds 6 elements of F32");
    }

    private static ByteBuffer arange(DType dtype, int n) {
        ByteBuffer b = ByteBuffer.allocate(n * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            switch (dtype) {
                case F32 -> b.putFloat(i);
                case I64 -> b.putLong(i);
                case F16 -> b.putShort((short) 0); // not looked at
                default -> throw new AssertionError(dtype);
            }
        }
        return b.flip();
    }
}
