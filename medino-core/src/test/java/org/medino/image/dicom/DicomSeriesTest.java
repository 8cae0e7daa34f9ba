package org.medino.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medino.MedinoException;
import org.medino.image.MedicalImage;

/** Synthetic series from make_expected.py; volumes and affines computed there with numpy. */
class DicomSeriesTest {
    private static final JsonNode SERIES = Expected.INDEX.get("series");

    private static Path dir(String key) {
        return Expected.file(SERIES.get(key).get("dir").asText());
    }

    private static void assertMatches(String key, MedicalImage image) {
        JsonNode e = SERIES.get(key);
        assertThat(image.axes()).containsExactly("slice", "row", "col");
        assertThat(image.voxels().shape()).containsExactly(Expected.shape(e.get("shape")));
        Expected.assertSameValues(key, image.voxels().doubles(), Expected.values(e.get("bin").asText()));
        for (int i = 0; i < 3; i++) {
            assertThat(image.spacing()[i]).as(key + " spacing " + i).isCloseTo(e.get("spacing").get(i).asDouble(), within(1e-9));
        }
        if (e.get("affine").isNull()) {
            assertThat(image.affine()).isNull();
        } else {
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    assertThat(image.affine()[r][c]).as(key + " affine " + r + "," + c)
                            .isCloseTo(e.get("affine").get(r).get(c).asDouble(), within(1e-9));
                }
            }
        }
    }

    @Test
    void scanFindsBothSeriesRecursivelyAndSkipsOtherFiles() {
        List<SeriesSummary> found = DicomSeries.scan(dir("mixed_A"));
        assertThat(found).extracting(SeriesSummary::seriesUid).containsExactly("1.2.826.0.1.9999.1", "1.2.826.0.1.9999.2");
        assertThat(found.get(0).files()).hasSize(5);
        assertThat(found.get(1).files()).hasSize(3);
        assertThat(found.get(0).description()).isEqualTo("tilted A");
        assertThat(found.get(0).modality()).isEqualTo("CT");
    }

    @Test
    void tiltedSeriesIsOrderedByPositionNotInstanceNumber() {
        MedicalImage a = DicomSeries.load(dir("mixed_A"), "1.2.826.0.1.9999.1");
        assertMatches("mixed_A", a);
        List<Integer> instances = a.metadata().get("instance_numbers") instanceof List<?> l
                ? l.stream().map(x -> (Integer) x).toList() : null;
        assertThat(instances).containsExactlyElementsOf(toInts(SERIES.get("mixed_A").get("instance_numbers_sorted")));
        assertThat(a.metadata()).containsEntry("slice_spacing_uniform", true).containsEntry("rescale_slope", 2.0)
                .containsEntry("series_uid", "1.2.826.0.1.9999.1").containsEntry("frames", 5);
        assertThat(a.modality()).isEqualTo("CT");
    }

    private static List<Integer> toInts(JsonNode n) {
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        n.forEach(x -> out.add(x.asInt()));
        return out;
    }

    @Test
    void axialSeriesInASubFolder() {
        assertMatches("mixed_B", DicomSeries.load(dir("mixed_B"), "1.2.826.0.1.9999.2"));
    }

    @Test
    void instanceNumberIsTheFallbackOrder() {
        MedicalImage n = DicomSeries.load(dir("noposition"), null);
        assertMatches("noposition", n);
        assertThat(n.metadata()).containsEntry("ordered_by", "instance_number");
    }

    @Test
    void nonUniformSpacingIsReported() {
        MedicalImage g = DicomSeries.load(dir("gap"), null);
        assertThat(g.metadata()).containsEntry("slice_spacing_uniform", false);
        assertThat((Double) g.metadata().get("slice_spacing")).isCloseTo(SERIES.get("gap").get("slice_spacing").asDouble(), within(1e-9));
        assertThat((Double) g.metadata().get("slice_spacing_max_deviation")).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void ambiguousOrUnknownSeriesListsTheChoices() {
        Path mixed = dir("mixed_A");
        assertThatThrownBy(() -> DicomSeries.load(mixed, null)).isInstanceOf(MedinoException.class)
                .hasMessageContaining("holds 2 series")
                .hasMessageContaining("1.2.826.0.1.9999.1 (5 files, \"tilted A\")")
                .hasMessageContaining("1.2.826.0.1.9999.2 (3 files, \"axial B\")");
        assertThatThrownBy(() -> DicomSeries.load(mixed, "9.9.9")).isInstanceOf(MedinoException.class)
                .hasMessageContaining("no series 9.9.9");
    }

    @Test
    void mismatchedSizesAreAnError() {
        assertThatThrownBy(() -> DicomSeries.load(Expected.file("series/mismatch"), null))
                .isInstanceOf(MedinoException.class).hasMessageContaining("is 2 x 2 x 1 but m1.dcm is 3 x 2 x 1");
    }

    @Test
    void aFileIsNotADirectory() {
        assertThatThrownBy(() -> DicomSeries.load(Expected.file("series/mixed/sub/b0.dcm"), null))
                .isInstanceOf(MedinoException.class).hasMessageContaining("not a directory");
    }
}
