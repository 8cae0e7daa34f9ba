package org.medino.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medino.checkpoint.Fixtures.assertTensor;
import static org.medino.checkpoint.Fixtures.map;
import static org.medino.checkpoint.Fixtures.path;
import static org.medino.checkpoint.Fixtures.ramp;
import static org.medino.checkpoint.Fixtures.tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medino.MedinoException;

class PthReaderTest {

    @Test
    void readsEveryElementType() {
        Map<Object, Object> dict = map(PthReader.read(path("dtypes.pth")));

        long[] grid = {3, 4};
        assertTensor(dict.get("f32"), DType.F32, grid, ramp(12));
        assertTensor(dict.get("f16"), DType.F16, grid, ramp(12));
        assertTensor(dict.get("bf16"), DType.BF16, grid, ramp(12));
        assertTensor(dict.get("f64"), DType.F64, grid, ramp(12));
        ByteBuffer f64 = tensor(dict.get("f64")).data();
        for (int i = 0; i < 12; i++) {
            assertThat(f64.getDouble(i * 8)).isEqualTo((i - 6) * 0.25);
        }
        HostTensor i64 = tensor(dict.get("i64"));
        assertThat(i64.dtype()).isEqualTo(DType.I64);
        assertThat(i64.shape()).containsExactly(6);
        for (int i = 0; i < 6; i++) {
            assertThat(i64.data().getLong(i * 8)).isEqualTo((i - 3) * 1_000_000_000_000L);
        }
        float[] minus3To2 = {-3, -2, -1, 0, 1, 2};
        assertTensor(dict.get("i32"), DType.I32, new long[] {6}, minus3To2);
        assertTensor(dict.get("i16"), DType.I16, new long[] {6}, minus3To2);
        assertTensor(dict.get("i8"), DType.I8, new long[] {6}, minus3To2);
        assertTensor(dict.get("u8"), DType.U8, new long[] {6}, new float[] {250, 251, 252, 253, 254, 255});
        assertTensor(dict.get("bool"), DType.BOOL, new long[] {3}, new float[] {1, 0, 1});
    }

    @Test
    void readsScalarsAndEmptyTensors() {
        Map<Object, Object> dict = map(PthReader.read(path("dtypes.pth")));

        assertTensor(dict.get("scalar"), DType.F32, new long[] {}, new float[] {2.5f});
        assertThat(tensor(dict.get("scalar")).rank()).isZero();
        assertTensor(dict.get("empty"), DType.F32, new long[] {0, 3}, new float[] {});
    }

    @Test
    void gathersViewsOfSharedStorages() {
        Map<Object, Object> dict = map(PthReader.read(path("views.pth")));

        float[] transposed = new float[6];
        for (int i = 0, n = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                transposed[n++] = 3 * j + i;
            }
        }
        assertTensor(dict.get("transposed"), DType.F32, new long[] {3, 2}, transposed);

        float[] permuted = new float[24];
        for (int i = 0, n = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 3; k++) {
                    permuted[n++] = 12 * j + 4 * k + i;
                }
            }
        }
        assertTensor(dict.get("permuted"), DType.F32, new long[] {4, 2, 3}, permuted);
        assertTensor(dict.get("head"), DType.F32, new long[] {4}, new float[] {0, 1, 2, 3});
        assertTensor(dict.get("tail"), DType.F32, new long[] {2, 3}, new float[] {10, 11, 12, 13, 14, 15});
        assertTensor(dict.get("every_third"), DType.F32, new long[] {8},
                new float[] {1, 4, 7, 10, 13, 16, 19, 22});
        assertTensor(dict.get("expanded"), DType.I64, new long[] {2, 3}, new float[] {0, 1, 2, 0, 1, 2});
        assertTensor(dict.get("column"), DType.F16, new long[] {3}, new float[] {2, 6, 10});
    }

    @Test
    void readsAStateDictInOrderWithoutItsMetadata() {
        Object read = PthReader.read(path("state_dict.pth"));

        assertThat(read).isInstanceOf(LinkedHashMap.class);
        Map<Object, Object> dict = map(read);
        assertThat(dict.keySet()).containsExactly("0.weight", "0.bias", "1.weight", "1.bias");
        assertTensor(dict.get("0.weight"), DType.F32, new long[] {2, 3}, ramp(6));
        assertTensor(dict.get("0.bias"), DType.F32, new long[] {2}, new float[] {1, -1});
        assertTensor(dict.get("1.weight"), DType.F32, new long[] {2}, new float[] {2, 3});
        assertTensor(dict.get("1.bias"), DType.F32, new long[] {2}, new float[] {0.5f, -0.5f});
    }

    @Test
    void readsANestedTrainingCheckpointWithParameters() {
        Map<Object, Object> dict = map(PthReader.read(path("nested.pth")));

        assertThat(dict.keySet()).containsExactly("teacher", "iteration");
        assertThat(dict.get("iteration")).isEqualTo(5L);
        Map<Object, Object> teacher = map(dict.get("teacher"));
        assertThat(teacher.keySet()).containsExactly("backbone.cls_token", "dino_head.mlp.0.weight");
        assertTensor(teacher.get("backbone.cls_token"), DType.F32, new long[] {1, 1, 4}, ramp(4));
        assertTensor(teacher.get("dino_head.mlp.0.weight"), DType.F32, new long[] {2, 3}, ramp(6));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void readsPlainValuesInEveryProtocol(int protocol) {
        Map<Object, Object> dict = map(PthReader.read(path("mixed_p" + protocol + ".pth")));

        RestrictedUnpicklerTest.assertMixedValues(dict);
        assertTensor(dict.get("tensor"), DType.F32, new long[] {3}, new float[] {0, 1, 2});
    }

    @Test
    void swapsBigEndianStorages() {
        Map<Object, Object> dict = map(PthReader.read(path("big_endian.pth")));

        assertTensor(dict.get("f32"), DType.F32, new long[] {2, 3}, ramp(6));
        assertTensor(dict.get("bf16"), DType.BF16, new long[] {6}, ramp(6));
        HostTensor i64 = tensor(dict.get("i64"));
        for (int i = 0; i < 6; i++) {
            assertThat(i64.data().getLong(i * 8)).isEqualTo((i - 3) * 1_000_000_000_000L);
        }
    }

    @Test
    void refusesOsSystemWithoutRunningIt() throws IOException {
        Path pwned = Path.of("/tmp/medino-pth-pwned");
        Files.deleteIfExists(pwned);
        Path file = path("evil_os_system.pth");

        assertThatThrownBy(() -> PthReader.read(file))
                .isInstanceOf(MedinoException.class)
                .hasMessage(file + ": refusing to load: global 'os.system' is not allowed in a weights file"
                        + " (only tensors, dicts, lists and numbers are, as with torch.load(weights_only=True))");
        assertThat(pwned).doesNotExist();
    }

    @Test
    void refusesWhatPickleWritesForOsSystem() {
        assertRefused("evil_posix_system.pth", "posix.system");
        assertThat(Path.of("/tmp/medino-pth-pwned")).doesNotExist();
    }

    @Test
    void refusesEvalHiddenInAStateDict() {
        assertRefused("evil_in_state_dict.pth", "__builtin__.eval");
    }

    private static void assertRefused(String fixture, String global) {
        Path file = path(fixture);
        assertThatThrownBy(() -> PthReader.read(file))
                .isInstanceOf(MedinoException.class)
                .hasMessageStartingWith(file + ": refusing to load: global '" + global + "' is not allowed");
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        assertError(dir.resolve("nothing.pth"), "file not found");
        assertError(dir, "is a directory, not a checkpoint file");
    }

    @Test
    void reportsBrokenFiles() {
        assertError(path("empty.pth"), "file is empty");
        assertError(path("garbage.pth"), "not a PyTorch checkpoint (not a zip archive)");
        assertError(path("truncated.pth"), "truncated or corrupt zip archive (zip END header not found)");
        assertError(path("no_data_pkl.pth"), "no data.pkl in the zip archive, so it is not a torch.save checkpoint");
        assertError(path("missing_storage.pth"),
                "storage '1' is missing (no archive/data/1 in the zip archive)");
        assertError(path("short_storage.pth"),
                "storage '0' has 8 bytes, but the pickle says it holds 4 elements of F32");
        assertError(path("view_past_end.pth"), "corrupt pickle: tensor of size [3], stride [1] and offset 2"
                + " reaches past the end of storage '0' (4 elements)");
        assertError(path("legacy.pth"),
                "legacy (pre-1.6) torch.save format is not supported; re-save it with a current PyTorch");
        assertError(path("bare_pickle.pth"), "is a bare pickle, not a torch.save checkpoint (a zip archive)");
    }

    @Test
    void reportsADamagedEntry(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(path("nested.pth"));
        // spoil the signature of the second local header (the first storage's)
        int second = indexOf(bytes, new byte[] {'P', 'K', 3, 4}, 1);
        bytes[second + 2] = 9;
        Path file = dir.resolve("damaged.pth");
        Files.write(file, bytes);

        assertError(file, "truncated or corrupt zip archive (cannot read archive/data/0: ZipFile invalid LOC header (bad signature))");
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private static void assertError(Path file, String problem) {
        assertThatThrownBy(() -> PthReader.read(file))
                .isInstanceOf(MedinoException.class)
                .hasMessage(file + ": " + problem)
                .message().doesNotContain("\n");
    }
}
