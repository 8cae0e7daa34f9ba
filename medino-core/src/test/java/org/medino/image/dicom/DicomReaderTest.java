package org.medino.image.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medino.image.MedicalImage;

/** Pixel values and header facts against what pydicom gives for the same files. */
class DicomReaderTest {

    static Stream<String> images() {
        return names(Expected.INDEX.get("images"));
    }

    static Stream<String> headers() {
        return names(Expected.INDEX.get("headers"));
    }

    private static Stream<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("images")
    void pixelsMatchPydicom(String name) {
        JsonNode e = Expected.INDEX.get("images").get(name);
        MedicalImage image = DicomReader.read(Expected.file(name));
        long[] shape = Expected.shape(e.get("shape"));
        assertThat(image.voxels().shape()).as(name).containsExactly(shape);
        Expected.assertSameValues(name, image.voxels().doubles(), Expected.values(e.get("bin").asText()));
        boolean colour = shape[shape.length - 1] == 3 && image.axes().length == shape.length
                && image.axes()[shape.length - 1].equals("rgb");
        List<String> axes = new ArrayList<>();
        if (shape.length - (colour ? 1 : 0) == 3) axes.add("frame");
        axes.add("row");
        axes.add("col");
        if (colour) axes.add("rgb");
        assertThat(image.axes()).as(name).containsExactlyElementsOf(axes);
        assertThat(image.affine()).isNull();
    }

    @ParameterizedTest
    @MethodSource("headers")
    void headerMatchesPydicom(String name) {
        JsonNode e = Expected.INDEX.get("headers").get(name);
        DicomHeader header = DicomReader.readHeader(Expected.file(name));
        Map<String, Object> m = header.metadata();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            JsonNode want = f.getValue();
            if (key.equals("modality")) {
                assertThat(header.modality()).as(name).isEqualTo(want.isNull() ? null : want.asText());
            } else if (key.equals("pixel_spacing")) {
                if (want.isNull()) {
                    assertThat(header.spacing()).as(name).isNull();
                } else {
                    double[] s = header.spacing();
                    assertThat(new double[] {s[s.length - 2], s[s.length - 1]}).as(name)
                            .containsExactly(want.get(0).asDouble(), want.get(1).asDouble());
                }
            } else {
                assertThat(m).as(name).containsKey(key);
                assertThat(normalise(m.get(key))).as(name + " " + key).isEqualTo(normalise(want));
            }
        }
    }

    /** Compares Java values and JSON values as plain text of numbers, lists and strings. */
    private static String normalise(Object v) {
        if (v == null || v instanceof JsonNode j && j.isNull()) return "null";
        if (v instanceof JsonNode j) {
            if (j.isArray()) {
                List<String> parts = new ArrayList<>();
                j.forEach(x -> parts.add(normalise(x)));
                return parts.toString();
            }
            if (j.isNumber()) return Double.toString(j.asDouble());
            return j.asText();
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(normalise(x)));
            return parts.toString();
        }
        if (v instanceof Number n) return Double.toString(n.doubleValue());
        return v.toString();
    }

    @Test
    void ctIsInHounsfieldUnitsWithSpacingAndModality() {
        MedicalImage ct = DicomReader.read(Expected.file("CT_small.dcm"));
        assertThat(ct.modality()).isEqualTo("CT");
        assertThat(ct.spacing()).containsExactly(0.661468, 0.661468);
        assertThat(ct.metadata()).containsEntry("rescale_intercept", -1024.0).containsEntry("rescale_slope", 1.0);
    }

    @Test
    void absentRescaleIsNullAndValuesStayStored() {
        MedicalImage mr = DicomReader.read(Expected.file("MR_small.dcm"));
        assertThat(mr.metadata().get("rescale_slope")).isNull();
        assertThat(mr.metadata().get("rescale_intercept")).isNull();
        assertThat(mr.metadata().get("window_center")).isEqualTo(600.0);
    }

    @Test
    void multiValuedWindowIsAListAndMonochrome1IsRecordedNotInverted() {
        MedicalImage img = DicomReader.read(Expected.file("gen_signed8.dcm"));
        assertThat(img.metadata().get("window_center")).isEqualTo(List.of(10.0, 20.0));
        assertThat(img.metadata().get("window_width")).isEqualTo(List.of(100.0, 200.0));
        assertThat(img.metadata().get("photometric")).isEqualTo("MONOCHROME1");
    }

    @Test
    void multiFrameSpacingHasAnUnknownFrameAxis() {
        MedicalImage dose = DicomReader.read(Expected.file("rtdose.dcm"));
        assertThat(dose.axes()).containsExactly("frame", "row", "col");
        assertThat(dose.spacing()).hasSize(3);
        assertThat(dose.spacing()[0]).isNaN();
        assertThat(dose.metadata()).containsEntry("frames", 15);
    }

    @Test
    void everyTransferSyntaxOfMrSmallGivesTheSameImage() {
        double[] reference = DicomReader.read(Expected.file("MR_small.dcm")).voxels().doubles();
        for (String name : List.of("MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_expb.dcm",
                "MR_small_padded.dcm", "MR_small_RLE.dcm")) {
            Expected.assertSameValues(name, DicomReader.read(Expected.file(name)).voxels().doubles(), reference);
        }
    }

    @Test
    void deflatedFileReadsLikeItsSource() {
        MedicalImage a = DicomReader.read(Expected.file("gen_deflated_ct.dcm"));
        MedicalImage b = DicomReader.read(Expected.file("CT_small.dcm"));
        Expected.assertSameValues("deflated", a.voxels().doubles(), b.voxels().doubles());
        assertThat(a.metadata()).containsEntry("transfer_syntax", "1.2.840.10008.1.2.1.99");
    }

    @Test
    void missingTransferSyntaxIsInferred() {
        assertThat(DicomReader.readHeader(Expected.file("meta_missing_tsyntax.dcm")).metadata())
                .containsEntry("transfer_syntax", "1.2.840.10008.1.2");
        assertThat(DicomReader.readHeader(Expected.file("ExplVR_BigEndNoMeta.dcm")).metadata())
                .containsEntry("transfer_syntax", "1.2.840.10008.1.2.2");
        assertThat(DicomReader.readHeader(Expected.file("ExplVR_LitEndNoMeta.dcm")).metadata())
                .containsEntry("transfer_syntax", "1.2.840.10008.1.2.1");
    }

    @Test
    void sequencesAreParsedNotMisread() {
        // Nested private sequences of undefined length, then pixel data: a 2-byte OW value.
        DicomFile f = DicomParser.parse(Expected.file("nested_priv_SQ.dcm"), false);
        DicomElement seq = f.dataset().get(0x00010001);
        assertThat(seq.items()).hasSize(1);
        DicomElement inner = seq.items().get(0).get(0x00010001);
        assertThat(inner.items()).hasSize(1);
        assertThat(inner.items().get(0).string(0x00010001)).isEqualTo("Double Nested SQ");
        assertThat(f.dataset().get(Tags.PIXEL_DATA).length()).isEqualTo(2);
        // UN of undefined length holding an implicit VR sequence inside an explicit VR file.
        DicomFile un = DicomParser.parse(Expected.file("UN_sequence.dcm"), false);
        DicomDataset item = un.dataset().get(0x4453100C).items().get(0);
        assertThat(item.string(Tags.STUDY_INSTANCE_UID)).isEqualTo("1.2.840.113619.2.327.3.185221411.476.1398588725.795");
        DicomDataset nested = item.get(0x00081115).items().get(0);
        assertThat(nested.string(Tags.SERIES_INSTANCE_UID)).isEqualTo("1.2.840.113619.2.327.3.185221411.476.1398588726.276");
    }
}
