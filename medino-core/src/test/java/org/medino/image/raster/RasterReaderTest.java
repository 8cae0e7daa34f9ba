package org.medino.image.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medino.MedinoException;
import org.medino.image.Expected;
import org.medino.image.MedicalImage;

/** Rasters made with Pillow; expected = np.asarray(Image.open(p)) (alpha dropped, palette → RGB). */
class RasterReaderTest {
    static List<String> exactCases() {
        List<String> c = new ArrayList<>(Expected.cases("png_", false));
        c.addAll(Expected.cases("tiff_", false));
        return c;
    }

    static List<String> jpegCases() {
        return Expected.cases("jpeg_", false);
    }

    static List<String> errorCases() {
        List<String> c = new ArrayList<>(Expected.cases("png_", true));
        c.addAll(Expected.cases("jpeg_", true));
        c.addAll(Expected.cases("tiff_", true));
        c.addAll(Expected.cases("raster_", true));
        return c;
    }

    @ParameterizedTest
    @MethodSource("exactCases")
    void matchesPillowExactly(String c) {
        MedicalImage img = RasterReader.read(Expected.file(c));
        Expected.assertValues(c, img.voxels(), 0);
        assertThat(img.axes()).hasSize(img.voxels().rank());
        assertThat(img.affine()).isNull();
        assertThat(img.spacing()).isNull();
    }

    /**
     * Java's JPEG decoder and Pillow's libjpeg-turbo may round the IDCT and upsample chroma
     * differently; allow ±1 (measured with JDK 17 + TwelveMonkeys 3.14: 0 on these files) instead of exact equality.
     */
    @ParameterizedTest
    @MethodSource("jpegCases")
    void matchesPillowJpegWithinIdctRounding(String c) {
        MedicalImage img = RasterReader.read(Expected.file(c));
        Expected.assertValues(c, img.voxels(), 1);
    }

    @ParameterizedTest
    @MethodSource("errorCases")
    void refusesBrokenFiles(String c) {
        Path f = Expected.file(c);
        assertThatThrownBy(() -> RasterReader.read(f)).isInstanceOf(MedinoException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining(Expected.get(c, "error"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
