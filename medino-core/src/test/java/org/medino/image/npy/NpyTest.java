package org.medino.image.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medino.MedinoException;
import org.medino.image.Expected;
import org.medino.image.NdArray;

/** .npy / .npz fixtures written by numpy, expected values as raw float64 (make_expected.py). */
class NpyTest {
    @TempDir
    Path dir;

    static List<String> npyCases() {
        return Expected.cases("npy_", false);
    }

    static List<String> npyErrors() {
        return Expected.cases("npy_", true);
    }

    @ParameterizedTest
    @MethodSource("npyCases")
    void readsWhatNumpyWrote(String c) {
        Npy.Typed t = Npy.readTyped(Expected.file(c));
        Expected.assertValues(c, t.array(), 0);
        assertThat(t.dtype()).isEqualTo(Expected.get(c, "dtype"));
    }

    @ParameterizedTest
    @MethodSource("npyErrors")
    void refusesBadNpy(String c) {
        Path f = Expected.file(c);
        assertThatThrownBy(() -> Npy.read(f)).isInstanceOf(MedinoException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining(Expected.get(c, "error"));
    }

    @Test
    void npzStoredAndDeflated() {
        for (String z : new String[] {"plain", "compressed"}) {
            Map<String, NdArray> m = Npz.read(Expected.file("npz_" + z + "_first"));
            assertThat(m.keySet()).containsExactly("first", "second");
            Expected.assertValues("npz_" + z + "_first", m.get("first"), 0);
            Expected.assertValues("npz_" + z + "_second", m.get("second"), 0);
        }
    }

    @Test
    void truncatedNpz() {
        Path f = Expected.file("npz_truncated");
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(MedinoException.class).hasMessageContaining(f.toString());
    }

    @Test
    void medMnistSplits() {
        MedMnist m = MedMnist.read(Expected.file("medmnist_train_images"));
        Expected.assertValues("medmnist_train_images", m.train().images(), 0);
        Expected.assertValues("medmnist_train_labels", m.train().labels(), 0);
        Expected.assertValues("medmnist_val_images", m.val().images(), 0);
        Expected.assertValues("medmnist_val_labels", m.val().labels(), 0);
        Expected.assertValues("medmnist_test_images", m.test().images(), 0);
        Expected.assertValues("medmnist_test_labels", m.test().labels(), 0);
        assertThat(m.train().size()).isEqualTo(6);
        MedMnist m3 = MedMnist.read(Expected.file("medmnist3d_train_images"));
        Expected.assertValues("medmnist3d_train_images", m3.train().images(), 0);
        Expected.assertValues("medmnist3d_test_labels", m3.test().labels(), 0);
    }

    @Test
    void medMnistMissingKeys() {
        Path f = Expected.file("medmnist_missing");
        assertThatThrownBy(() -> MedMnist.read(f)).isInstanceOf(MedinoException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("val_images").hasMessageContaining("test_labels");
    }

    /** Written bytes checked field by field (not by reading back with Npy itself). */
    @Test
    void writesFloat32Version1() throws IOException {
        Path p = dir.resolve("a.npy");
        Npy.write(p, NdArray.ofFloats(new float[] {1.5f, -2f, 3f, 0f, 5f, 6.25f}, 2, 3));
        byte[] b = Files.readAllBytes(p);
        assertThat(b[0] & 0xff).isEqualTo(0x93);
        assertThat(new String(b, 1, 5, "ISO-8859-1")).isEqualTo("NUMPY");
        assertThat(b[6]).isEqualTo((byte) 1);
        int hl = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertThat((10 + hl) % 64).isZero();
        String dict = new String(b, 10, hl, "ISO-8859-1");
        assertThat(dict).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }").endsWith("\n");
        ByteBuffer data = ByteBuffer.wrap(b, 10 + hl, 24).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.getFloat()).isEqualTo(1.5f);
        assertThat(data.getFloat()).isEqualTo(-2f);
        assertThat(b.length).isEqualTo(10 + hl + 24);
    }

    @Test
    void writesFloat64WhenNeeded() throws IOException {
        Path p = dir.resolve("b.npy");
        Npy.write(p, NdArray.ofDoubles(new double[] {0.1, 0.2, 0.3}, 3));
        String s = new String(Files.readAllBytes(p), "ISO-8859-1");
        assertThat(s).contains("'descr': '<f8'").contains("'shape': (3,)");
        NdArray back = Npy.read(p);
        assertThat(back.isDouble()).isTrue();
        assertThat(back.doubles()).containsExactly(0.1, 0.2, 0.3);
    }
}
