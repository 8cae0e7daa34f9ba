package org.medino.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code medino segment example|train|predict} as a user runs them, README example included. */
class SegmentCommandTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void example() {
        CliRun run = CliRun.of("segment", "example", "--out", dir.resolve("seg").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void theReadmeExampleTrainsAndPredicts() throws Exception {
        Path seg = dir.resolve("seg");
        Path out = dir.resolve("runs/linear");
        CliRun train = CliRun.of("segment", "train", "--data", seg.resolve("2d/manifest.csv").toString(), "--out", out.toString(),
                "--backbone", seg.resolve("backbone/official.safetensors").toString(), "--head", "linear", "--image-size", "56",
                "--epochs", "2", "--lr", "1e-2,1e-3");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("Dice").contains("mean");
        JsonNode r = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(r.get("dice_mean").isNumber()).isTrue();
        assertThat(r.get("per_class").size()).isEqualTo(2);
        assertThat(out.resolve("model/model.json")).exists();
        assertThat(out.resolve("report.html")).exists();

        Path mask = dir.resolve("mask.png");
        CliRun predict = CliRun.of("segment", "predict", "--model", out.toString(), seg.resolve("2d/images/case000.png").toString(),
                "--out", mask.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(mask).exists();
        assertThat(dir.resolve("mask_overlay.png")).exists();
    }

    @Test
    void aMaskOfTheWrongShapeIsOneLineNamingTheFile() throws Exception {
        Path seg = dir.resolve("seg");
        Path bad = seg.resolve("2d/bad.csv");
        Files.writeString(bad, "image,mask,split\nimages/case000.png,../3d/masks/case000.nii.gz,train\nimages/case001.png,masks/case001.png,test\n");
        CliRun run = CliRun.of("segment", "train", "--data", bad.toString(), "--out", dir.resolve("bad").toString(), "--baseline", "unet",
                "--image-size", "32", "--epochs", "1");
        assertThat(run.exitCode()).isEqualTo(1);
        // Progress lines may precede it; the error itself is one line, with no stack trace.
        String error = run.err().lines().filter(l -> l.startsWith("medino: error: ")).findFirst().orElseThrow();
        assertThat(error).contains("case000.nii.gz").contains("does not match the image");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void headAndBaselineAreExclusive() {
        Path seg = dir.resolve("seg");
        CliRun run = CliRun.of("segment", "train", "--data", seg.resolve("2d/manifest.csv").toString(), "--out", dir.resolve("x").toString(),
                "--baseline", "unet", "--head", "linear");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("either --backbone with --head, or --baseline");
    }

    @Test
    void predictRefusesAFolderWithoutAModel() {
        CliRun run = CliRun.of("segment", "predict", "--model", dir.toString(), dir.resolve("seg/2d/images/case000.png").toString(),
                "--out", dir.resolve("m.png").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no model.json");
    }
}
