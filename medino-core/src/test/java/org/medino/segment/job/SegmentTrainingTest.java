package org.medino.segment.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.MedinoException;
import org.medino.embed.IntensityScaling;
import org.medino.image.MedicalImage;
import org.medino.image.nifti.NiftiReader;
import org.medino.model.RandomCheckpoint;
import org.medino.segment.CasePrediction;
import org.medino.segment.SegmentationClasses;
import org.medino.segment.SegmentationExperiment;
import org.medino.segment.SegmentationTrainer;
import org.medino.segment.SliceAxis;
import org.medino.segment.SyntheticSegmentation;
import org.medino.segment.TrainSettings;
import org.medino.train.LossKind;

/** Heads and baselines end to end on the generated 2D and 3D example data. */
class SegmentTrainingTest {
    @TempDir
    static Path data;

    static Path manifest2d;
    static Path manifest3d;
    static Path backbone;

    @TempDir
    Path out;

    @BeforeAll
    static void writeData() {
        manifest2d = SyntheticSegmentation.write2d(data.resolve("2d"), 10, 32, 3);
        manifest3d = SyntheticSegmentation.write3d(data.resolve("3d"), 5, 24, 8, 4);
        backbone = RandomCheckpoint.write(data.resolve("backbone"), 24, 5, 2, 5);
    }

    static final Listener QUIET = new Listener() {
        @Override
        public void note(String message) {}

        @Override
        public void stage(String description) {}

        @Override
        public SegmentationTrainer.Progress progress() {
            return null;
        }
    };

    private TrainJob job(Path manifest, String head, String baseline, int size, int epochs, List<Double> lrs, Integer shots) {
        TrainSettings s = new TrainSettings(epochs, 4, lrs.get(0), "adamw", 1e-4, LossKind.DICECE, 1, true);
        return new TrainJob(manifest, out, head != null ? backbone.toString() : null, head, baseline, size, s, lrs, shots,
                SliceAxis.DEFAULT, null, IntensityScaling.AUTO, true, false, 8, false);
    }

    private JsonNode results() throws Exception {
        return new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    @Test
    void aLinearHeadWithAGridChoosesOnValRetrainsAndPredictsLikeTheSavedModel() throws Exception {
        SegmentationExperiment.Outcome outcome = SegmentTraining.run(job(manifest2d, "linear", null, 28, 2, List.of(1e-2, 1e-3), null), QUIET);
        JsonNode r = results();
        for (String key : List.of("dice_mean", "iou_mean", "hd95_mean", "assd_mean")) assertThat(r.get(key).isNumber()).as(key).isTrue();
        assertThat(r.get("per_class").has("1")).isTrue();
        assertThat(r.get("per_class").has("2")).isTrue();
        assertThat(r.get("per_class").has("0")).isFalse(); // background excluded
        assertThat(r.get("selection").get("grid")).hasSize(2);
        assertThat(r.get("selection").get("final_training").asText()).isEqualTo("train+val");
        assertThat(r.get("dataset").get("test").asInt()).isEqualTo(2);
        assertThat(Files.readString(out.resolve("report.html"))).contains("Dice").contains("data:image/png;base64,");
        assertThat(Files.readAllLines(out.resolve("per_case.csv"))).hasSize(1 + 2 * 2);

        // The saved model, run by predict on a test image, gives the labels the run scored.
        CasePrediction first = outcome.predictions().get(0);
        Path image = data.resolve("2d").resolve(first.loaded().id());
        assertThat(first.loaded().id()).startsWith("images/"); // the path as the manifest writes it
        Path mask = out.resolve("again.png");
        SegmentPrediction.Result again = SegmentPrediction.run(out, image, mask, 4);
        assertThat(again.labels()).containsExactly(first.predicted());
        BufferedImage png = ImageIO.read(mask.toFile());
        int[] read = png.getRaster().getPixels(0, 0, 32, 32, (int[]) null);
        assertThat(read).containsExactly(first.predicted());
        assertThat(again.overlay()).exists();
        assertThat(out.resolve("predictions").resolve(image.getFileName())).exists();
    }

    @Test
    void volumesAreScoredIn3dAndTheirPredictionsKeepTheSourceAffine() throws Exception {
        SegmentationExperiment.Outcome outcome = SegmentTraining.run(job(manifest3d, "unet", null, 28, 1, List.of(1e-3), null), QUIET);
        assertThat(results().get("dataset").get("dimensionality").asText()).isEqualTo("3d");
        CasePrediction p = outcome.predictions().get(0);
        assertThat(p.predicted()).hasSize(24 * 24 * 8);
        Path image = data.resolve("3d").resolve(p.loaded().id());
        MedicalImage source = NiftiReader.read(image);
        MedicalImage written = NiftiReader.read(out.resolve("predictions").resolve(image.getFileName()));
        assertThat(written.voxels().shape()).containsExactly(24, 24, 8);
        for (int i = 0; i < 4; i++) assertThat(written.affine()[i]).containsExactly(source.affine()[i]);
        float[] labels = written.voxels().floats();
        for (int i = 0; i < labels.length; i++) assertThat((int) labels[i]).isEqualTo(p.predicted()[i]);

        Path again = out.resolve("again.nii.gz");
        SegmentPrediction.run(out.resolve("model"), image, again, 8);
        assertThat(NiftiReader.read(again).voxels().floats()).containsExactly(labels);
    }

    @Test
    void theBaselinesTrainOnTheSameData() throws Exception {
        SegmentTraining.run(job(manifest3d, null, "unet", 32, 1, List.of(1e-3), null), QUIET);
        assertThat(results().get("model").get("network").asText()).isEqualTo("unet");
        assertThat(results().get("config").get("input_size").asInt()).isEqualTo(32);
        SegmentTraining.run(job(manifest2d, null, "transunet", 32, 1, List.of(1e-3), null), QUIET);
        assertThat(results().get("model").get("network").asText()).isEqualTo("transunet");
        assertThat(results().get("dice_mean").isNumber()).isTrue();
    }

    @Test
    void fewShotTrainsOnTheDrawnCasesOnly() throws Exception {
        SegmentTraining.run(job(manifest2d, "multilayer", null, 28, 1, List.of(1e-3), 2), QUIET);
        JsonNode trainCases = results().get("selection").get("train_cases");
        assertThat(trainCases).hasSize(2);
        String first = trainCases.toString();
        SegmentTraining.run(job(manifest2d, "multilayer", null, 28, 1, List.of(1e-3), 2), QUIET);
        assertThat(results().get("selection").get("train_cases").toString()).isEqualTo(first);
        assertThatThrownBy(() -> SegmentTraining.run(job(manifest2d, "linear", null, 28, 1, List.of(1e-3), 50), QUIET))
                .hasMessageContaining("--shots 50");
    }

    @Test
    void aBackboneShallowerThanTheHeadServesWithANote() throws Exception {
        Path shallow = RandomCheckpoint.write(out.resolve("shallow"), 24, 3, 2, 1);
        TrainSettings s = new TrainSettings(1, 4, 1e-3, "adamw", 0, LossKind.CE, 1, true);
        List<String> notes = new java.util.ArrayList<>();
        Listener listener = new Listener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }

            @Override
            public void stage(String description) {}

            @Override
            public SegmentationTrainer.Progress progress() {
                return null;
            }
        };
        for (String head : List.of("unet", "multilayer")) {
            TrainJob job = new TrainJob(manifest2d, out, shallow.toString(), head, null, 28, s, List.of(1e-3), null, SliceAxis.DEFAULT,
                    null, IntensityScaling.AUTO, true, false, 8, false);
            SegmentTraining.run(job, listener);
            assertThat(results().get("dice_mean").isNumber()).isTrue();
        }
        assertThat(notes).anyMatch(n -> n.contains("last 5 blocks but the backbone has 3"));
        assertThat(notes).anyMatch(n -> n.contains("last 4 blocks but the backbone has 3: it reads all of them"));
    }

    @Test
    void badMasksAreRefusedWithTheFileNamed() throws Exception {
        Path dir = out.resolve("bad");
        Files.createDirectories(dir);
        writePng(dir.resolve("img.png"), 16, 16, 100);
        writePng(dir.resolve("small.png"), 12, 16, 0);
        writePng(dir.resolve("five.png"), 16, 16, 5);
        writePng(dir.resolve("white.png"), 16, 16, 255);
        TrainSettings s = new TrainSettings(1, 4, 1e-3, "adamw", 0, LossKind.CE, 1, true);
        Path m1 = csv(dir, "m1.csv", "small.png");
        assertThatThrownBy(() -> SegmentTraining.run(baseline(m1, null, s), QUIET)).isInstanceOf(MedinoException.class)
                .hasMessageContaining("small.png").hasMessageContaining("mask shape [12, 16] does not match the image img.png [16, 16]");
        Path m2 = csv(dir, "m2.csv", "five.png");
        assertThatThrownBy(() -> SegmentTraining.run(baseline(m2, SegmentationClasses.parse("3"), s), QUIET))
                .isInstanceOf(MedinoException.class).hasMessageContaining("five.png: label 5 is outside the declared classes 0..2");
        Path m3 = csv(dir, "m3.csv", "white.png");
        assertThatThrownBy(() -> SegmentTraining.run(baseline(m3, null, s), QUIET))
                .isInstanceOf(MedinoException.class).hasMessageContaining("white.png: label 255");
    }

    private TrainJob baseline(Path manifest, SegmentationClasses classes, TrainSettings s) {
        return new TrainJob(manifest, out.resolve("run"), null, null, "unet", 16, s, List.of(1e-3), null, SliceAxis.DEFAULT, classes,
                IntensityScaling.AUTO, true, false, 8, false);
    }

    private static Path csv(Path dir, String name, String mask) throws Exception {
        Path m = dir.resolve(name);
        // Two rows may not share an id: the id column names them.
        Files.writeString(m, "id,image,mask,split\na,img.png," + mask + ",train\nb,img.png," + mask + ",test\n");
        return m;
    }

    private static void writePng(Path file, int h, int w, int value) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        int[] px = new int[h * w];
        java.util.Arrays.fill(px, value);
        img.getRaster().setPixels(0, 0, w, h, px);
        ImageIO.write(img, "png", file.toFile());
    }
}
