package org.medino.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medino.MedinoException;
import org.medino.image.NdArray;

class MedMnistReaderTest {
    private static final Path NPZ = Path.of("pathmnist.npz");

    private static NdArray images(int n) {
        return NdArray.ofFloats(new float[n * 2 * 2], n, 2, 2);
    }

    private static NdArray labels(long[] shape, double... values) {
        return NdArray.ofDoubles(values, shape);
    }

    private static Map<String, NdArray> singleLabel() {
        Map<String, NdArray> m = new HashMap<>();
        m.put("train_images", images(3));
        m.put("train_labels", labels(new long[] {3, 1}, 0, 2, 1));
        m.put("val_images", images(1));
        m.put("val_labels", labels(new long[] {1, 1}, 1));
        m.put("test_images", images(2));
        m.put("test_labels", labels(new long[] {2, 1}, 0, 0));
        return m;
    }

    private static Map<String, NdArray> multiLabel() {
        Map<String, NdArray> m = new HashMap<>();
        m.put("train_images", images(2));
        m.put("train_labels", labels(new long[] {2, 3}, 1, 0, 1, 0, 0, 0));
        m.put("val_images", images(1));
        m.put("val_labels", labels(new long[] {1, 3}, 0, 1, 0));
        m.put("test_images", images(1));
        m.put("test_labels", labels(new long[] {1, 3}, 1, 1, 1));
        return m;
    }

    @Test
    void singleLabelColumnIsOneClassIndexPerRow() {
        Dataset ds = new MedMnistReader(p -> singleLabel()).read(NPZ);

        assertThat(ds.labelKind()).isEqualTo(LabelKind.SINGLE);
        assertThat(ds.classNames()).containsExactly("0", "1", "2");
        assertThat(ds.samples()).extracting(Sample::id).containsExactly("train/0", "train/1", "train/2", "val/0", "test/0", "test/1");
        assertThat(ds.samples()).extracting(s -> s.label().index()).containsExactly(0, 2, 1, 1, 0, 0);
        assertThat(ds.samples(Split.VAL)).singleElement().satisfies(s -> {
            assertThat(s.image()).isEqualTo(new ImageRef.ArrayRowRef(NPZ, "val_images", 0));
            assertThat(s.patientId()).isNull();
        });
    }

    @Test
    void classNamesCanBeGiven() {
        Dataset ds = new MedMnistReader(p -> singleLabel()).read(NPZ, List.of("adipose", "background", "debris", "lymphocytes"));
        assertThat(ds.classNames()).containsExactly("adipose", "background", "debris", "lymphocytes");

        assertThatThrownBy(() -> new MedMnistReader(p -> singleLabel()).read(NPZ, List.of("a", "b")))
                .isInstanceOf(MedinoException.class)
                .hasMessage("pathmnist.npz: labels go up to 2 but only 2 class names were given");
    }

    @Test
    void severalLabelColumnsAreMultiLabel() {
        Dataset ds = new MedMnistReader(p -> multiLabel()).read(NPZ);

        assertThat(ds.labelKind()).isEqualTo(LabelKind.MULTI);
        assertThat(ds.classNames()).containsExactly("0", "1", "2");
        assertThat(ds.samples()).extracting(s -> s.label().key()).containsExactly("101", "000", "010", "111");
        assertThat(ds.samples().get(1).image()).isEqualTo(new ImageRef.ArrayRowRef(NPZ, "train_images", 1));
    }

    @Test
    void missingKeyIsNamed() {
        Map<String, NdArray> m = singleLabel();
        m.remove("val_labels");

        assertThatThrownBy(() -> new MedMnistReader(p -> m).read(NPZ))
                .isInstanceOf(MedinoException.class)
                .hasMessage("pathmnist.npz: not a MedMNIST archive: missing arrays [val_labels]"
                        + " (has [test_images, test_labels, train_images, train_labels, val_images])");
    }

    @Test
    void rowCountsMustAgree() {
        Map<String, NdArray> m = singleLabel();
        m.put("test_images", images(5));

        assertThatThrownBy(() -> new MedMnistReader(p -> m).read(NPZ))
                .hasMessage("pathmnist.npz: test_labels has 2 rows but test_images has 5");
    }

    @Test
    void badLabelValuesAreRefused() {
        Map<String, NdArray> single = singleLabel();
        single.put("val_labels", labels(new long[] {1, 1}, 1.5));
        assertThatThrownBy(() -> new MedMnistReader(p -> single).read(NPZ))
                .hasMessage("pathmnist.npz: val_labels row 0 has label 1.5, expected an integer >= 0");

        Map<String, NdArray> multi = multiLabel();
        multi.put("test_labels", labels(new long[] {1, 3}, 0, 2, 0));
        assertThatThrownBy(() -> new MedMnistReader(p -> multi).read(NPZ))
                .hasMessage("pathmnist.npz: test_labels row 0 has label 2.0, expected 0 or 1");
    }

    @Test
    void labelWidthMustAgreeAcrossSplits() {
        Map<String, NdArray> m = multiLabel();
        m.put("val_labels", labels(new long[] {1, 1}, 1));

        assertThatThrownBy(() -> new MedMnistReader(p -> m).read(NPZ)).hasMessageContaining("val_labels has shape [1, 1], unlike train_labels");
    }
}
