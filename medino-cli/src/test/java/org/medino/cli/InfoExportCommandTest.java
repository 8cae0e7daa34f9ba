package org.medino.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.image.NdArray;
import org.medino.image.npy.Npy;
import org.medino.testing.Fixtures;

/** The info/export contract: keys, axis order and values, and clean failures. */
class InfoExportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void infoOfACtImageHasTheContractKeys() throws IOException {
        CliRun run = CliRun.of("info", Fixtures.resource("dicom/CT_small.dcm").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode info = JSON.readTree(run.out());
        // facts as pydicom reads them (dicom/index.json, made by make_expected.py)
        assertThat(info.get("shape").toString()).isEqualTo("[128,128]");
        assertThat(info.get("dtype").asText()).isEqualTo("int16");
        assertThat(info.get("modality").asText()).isEqualTo("CT");
        assertThat(info.get("transfer_syntax").asText()).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(info.get("photometric").asText()).isEqualTo("MONOCHROME2");
        assertThat(info.get("rescale_intercept").asDouble()).isEqualTo(-1024.0);
        assertThat(info.get("rescale_slope").asDouble()).isEqualTo(1.0);
        assertThat(info.get("patient_id").asText()).isEqualTo("1CT1");
        assertThat(info.get("spacing").get(0).asDouble()).isEqualTo(0.661468);
        for (String key : new String[] {"affine", "window_center", "window_width", "study_uid", "series_uid"}) {
            assertThat(info.has(key)).as(key).isTrue();
        }
    }

    @Test
    void exportOfACtImageIsInHounsfieldUnits() throws IOException {
        Path out = dir.resolve("ct.npy");
        CliRun run = CliRun.of("export", Fixtures.resource("dicom/CT_small.dcm").toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        NdArray array = Npy.read(out);
        assertThat(array.shape()).containsExactly(128, 128);
        double[] expected = gzippedDoubles(Fixtures.resource("dicom/CT_small.expected.bin.gz"));
        for (int i = 0; i < expected.length; i++) {
            assertThat(array.get(i)).as("voxel %d", i).isEqualTo(expected[i]);
        }
    }

    @Test
    void aFolderWithSeveralSeriesIsListedAndOneCanBeChosen() throws IOException {
        Path folder = Fixtures.resource("dicom/series/mixed");
        JsonNode info = JSON.readTree(CliRun.of("info", folder.toString()).out());
        assertThat(info.get("format").asText()).isEqualTo("dicom-series");
        assertThat(info.get("series")).hasSize(2);
        String uid = info.get("series").get(0).get("series_uid").asText();
        CliRun refused = CliRun.of("export", folder.toString(), "--out", dir.resolve("v.npy").toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains(uid);
        CliRun chosen = CliRun.of("export", folder.toString(), "--series", uid, "--out", dir.resolve("v.npy").toString());
        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        assertThat(Npy.read(dir.resolve("v.npy")).rank()).isEqualTo(3);
        JsonNode volume = JSON.readTree(CliRun.of("info", folder.toString(), "--series", uid).out());
        assertThat(volume.get("affine")).hasSize(4);
        assertThat(volume.get("series_uid").asText()).isEqualTo(uid);
    }

    @Test
    void niftiExportKeepsNibabelsAxisOrder() throws IOException {
        Path out = dir.resolve("n.npy");
        CliRun run = CliRun.of("export", Fixtures.resource("fixtures/nifti/dt_int16.nii").toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Npy.read(out).shape()).containsExactly(3, 4, 5); // nibabel's get_fdata().shape (expected.properties)
        JsonNode info = JSON.readTree(CliRun.of("info", Fixtures.resource("fixtures/nifti/dt_int16.nii").toString()).out());
        assertThat(info.get("dtype").asText()).isEqualTo("int16");
        assertThat(info.get("affine").get(0).get(3).asDouble()).isEqualTo(30.0);
    }

    @Test
    void unreadableFilesFailCleanlyAndWriteNothing() throws IOException {
        Path garbage = dir.resolve("scan.dcm");
        Files.write(garbage, new byte[300]);
        Path truncated = Fixtures.resource("fixtures/nifti/truncated.nii.gz");
        Path jpegLs = Fixtures.resource("dicom/MR_small_jpeg_ls_lossless.dcm");
        for (Path bad : new Path[] {garbage, truncated, jpegLs, dir.resolve("missing.nii")}) {
            Path out = dir.resolve("x.npy");
            CliRun run = CliRun.of("export", bad.toString(), "--out", out.toString());
            assertThat(run.exitCode()).as(bad.toString()).isEqualTo(1);
            assertThat(run.err().strip()).as(bad.toString()).startsWith("medino: error: ").contains(bad.getFileName().toString())
                    .doesNotContain("\n").doesNotContain("Exception");
            assertThat(out).doesNotExist();
            CliRun info = CliRun.of("info", bad.toString());
            assertThat(info.exitCode()).isEqualTo(1);
        }
        assertThat(CliRun.of("export", jpegLs.toString(), "--out", dir.resolve("x.npy").toString()).err()).contains("JPEG-LS");
    }

    private static double[] gzippedDoubles(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] bytes = new DataInputStream(in).readAllBytes();
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            double[] out = new double[bytes.length / 8];
            b.asDoubleBuffer().get(out);
            return out;
        }
    }
}
