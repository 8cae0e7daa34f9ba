package org.medino.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medino.MedinoException;
import org.medino.embed.IntensityScaling;
import org.medino.metrics.ClassSummary;
import org.medino.metrics.SegmentationSummary;
import org.medino.model.RandomCheckpoint;
import org.medino.segment.SegmentationClasses;
import org.medino.segment.SegmentationExperiment;
import org.medino.segment.SegmentationTrainer;
import org.medino.segment.SliceAxis;
import org.medino.segment.SyntheticSegmentation;
import org.medino.segment.TrainSettings;
import org.medino.segment.job.Listener;
import org.medino.segment.job.SegmentPrediction;
import org.medino.segment.job.SegmentTraining;
import org.medino.segment.job.TrainJob;
import org.medino.train.LossKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medino segment train|predict|example}. */
@Command(mixinStandardHelpOptions = true, name = "segment",
        description = "Segmentation in 2D and 3D: heads on a frozen DINOv2 against U-Net and TransUNet baselines.",
        subcommands = {SegmentCommand.Train.class, SegmentCommand.Predict.class, SegmentCommand.Example.class})
final class SegmentCommand {
    private SegmentCommand() {}

    @Command(mixinStandardHelpOptions = true, name = "train",
            description = {"Train a segmenter and score it on the test split (Dice, IoU, HD95, ASSD in mm).",
                "The manifest has columns image,mask,split (2D images or 3D volumes, masks with integer labels); metrics are per",
                "class with background excluded, volumes scored in 3D.",
                "Several --lr values: each trained on train and scored on val by mean IoU, the best retrained on train+val.",
                "Writes DIR/results.json, per_case.csv, report.html, model/, predictions/ and checkpoints/ (for --resume)."},
            footer = {"", "Examples:",
                "  medino segment train --data seg/2d/manifest.csv --out runs/linear --backbone seg/backbone/official.safetensors --head linear --image-size 112",
                "  medino segment train --data seg/3d/manifest.csv --out runs/unet3d --baseline unet --image-size 64 --epochs 20 --lr 1e-3,3e-4",
                "  medino segment train --data ct.csv --out runs/dino-unet --backbone dinov2-base --head unet --intensity ct-abdomen --slice-axis axial --shots 4"})
    static final class Train implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "MANIFEST", description = "CSV with columns image, mask, split (optional: id).")
        Path data;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run folder.")
        Path out;

        @Option(names = "--backbone", paramLabel = "M", description = "Frozen DINOv2 for --head: checkpoint path or registered name.")
        String backbone;

        @Option(names = "--head", paramLabel = "H", description = "linear, multilayer (last 4 blocks) or unet (decoder on the last 5 blocks).")
        String head;

        @Option(names = "--baseline", paramLabel = "B", description = "unet or transunet, trained from scratch.")
        String baseline;

        @Option(names = "--image-size", defaultValue = "448", paramLabel = "S",
                description = "Side images are resized to; padded to a multiple of 14 (heads) or 16 (baselines) and cropped back (default: ${DEFAULT-VALUE}).")
        int imageSize;

        @Option(names = "--epochs", defaultValue = "10", paramLabel = "E", description = "Default: ${DEFAULT-VALUE}.")
        int epochs;

        @Option(names = "--batch", defaultValue = "8", paramLabel = "B", description = "Images (slices) per step (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--lr", split = ",", defaultValue = "1e-3", paramLabel = "LR",
                description = "Learning rate, or a comma-separated grid chosen on val by mean IoU (default: ${DEFAULT-VALUE}).")
        List<Double> lr;

        @Option(names = "--loss", defaultValue = "dicece", paramLabel = "L", description = "dice, ce or dicece (default: ${DEFAULT-VALUE}).")
        String loss;

        @Option(names = "--optimizer", defaultValue = "adamw", paramLabel = "O", description = "adamw or sgd (momentum 0.9) (default: ${DEFAULT-VALUE}).")
        String optimizer;

        @Option(names = "--weight-decay", defaultValue = "1e-4", paramLabel = "WD",
                description = "On convolution and linear weights (default: ${DEFAULT-VALUE}).")
        double weightDecay;

        @Option(names = "--shots", paramLabel = "N", description = "Few-shot: train on N training cases (images or volumes) drawn from --seed.")
        Integer shots;

        @Option(names = "--slice-axis", defaultValue = "axial", paramLabel = "A",
                description = "Volumes are cut along this array axis: 0, 1, 2, or axial/coronal/sagittal from the affine (default: ${DEFAULT-VALUE}).")
        String sliceAxis;

        @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Initialization, shuffling, augmentation, few-shot draw (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--classes", paramLabel = "K|NAMES",
                description = "Declared classes: a count (labels 0..K-1) or names in label order (background,liver,...). Default: 0..largest label.")
        String classes;

        @Option(names = "--intensity", defaultValue = "auto", paramLabel = "RULE",
                description = "Raw values to [0,1] (as medino embed): auto, minmax, ct-abdomen, mri-p1-99, ... (default: ${DEFAULT-VALUE}).")
        String intensity;

        @Option(names = "--no-augment", description = "No flips, rotation or random resized crop.")
        boolean noAugment;

        @Option(names = "--cache-features", description = "Heads: compute backbone features once per image and train on them (no augmentation).")
        boolean cacheFeatures;

        @Option(names = "--no-retrain", description = "Keep the network trained on train only (no refit on train+val).")
        boolean noRetrain;

        @Option(names = "--eval-batch", defaultValue = "16", paramLabel = "N", description = "Slices per forward pass when predicting (default: ${DEFAULT-VALUE}).")
        int evalBatch;

        @Option(names = "--resume", description = "Continue an interrupted run from DIR/checkpoints (same settings).")
        boolean resume;

        @Override
        public Integer call() {
            if (epochs < 1 || batch < 1 || evalBatch < 1) throw new MedinoException("--epochs, --batch and --eval-batch must be at least 1");
            for (double v : lr) if (!(v > 0) || Double.isInfinite(v)) throw new MedinoException("--lr values must be positive: " + v);
            TrainSettings settings = new TrainSettings(epochs, batch, lr.get(0), optimizer.toLowerCase(Locale.ROOT), weightDecay,
                    LossKind.parse(loss), seed, !noAugment);
            TrainJob job = new TrainJob(data, out, backbone, head, baseline, imageSize, settings, lr, shots, new SliceAxis(sliceAxis),
                    classes == null ? null : SegmentationClasses.parse(classes), IntensityScaling.parse(intensity), !noRetrain,
                    cacheFeatures, evalBatch, resume);
            ConsoleListener listener = new ConsoleListener();
            SegmentationExperiment.Outcome outcome = SegmentTraining.run(job, listener);
            listener.end();
            print(outcome);
            System.out.println("wrote " + out.resolve("results.json") + ", report.html, model/ and predictions/");
            return 0;
        }

        private static void print(SegmentationExperiment.Outcome outcome) {
            SegmentationSummary s = outcome.test();
            System.out.printf(Locale.ROOT, "test (%d cases, final fit on %s, lr %s)%n", s.cases().size(), outcome.finalTraining(), outcome.chosenLr());
            System.out.printf(Locale.ROOT, "%-14s %8s %8s %10s %10s%n", "class", "Dice", "IoU", "HD95 mm", "ASSD mm");
            for (ClassSummary c : s.classes()) {
                System.out.printf(Locale.ROOT, "%-14s %8s %8s %10s %10s%s%n", "label " + c.label(), f(c.diceMean()), f(c.iouMean()),
                        f(c.hd95Mean()), f(c.assdMean()), c.absent() ? "  (absent)" : c.cappedCases() > 0 ? "  (" + c.cappedCases() + " capped)" : "");
            }
            System.out.printf(Locale.ROOT, "%-14s %8s %8s %10s %10s%n", "mean", f(s.diceMean()), f(s.iouMean()), f(s.hd95Mean()), f(s.assdMean()));
        }

        private static String f(double v) {
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "predict",
            description = {"Segment a new image or volume with a trained model.",
                "Writes NIfTI (.nii.gz or .nii, in the image file's shape with its affine) or PNG (2D; labels as grey values,",
                "plus NAME_overlay.png)."},
            footer = {"", "Examples:", "  medino segment predict --model runs/linear seg/2d/images/case000.png --out case000-mask.png",
                "  medino segment predict --model runs/unet3d scan.nii.gz --out scan-mask.nii.gz"})
    static final class Predict implements Callable<Integer> {
        @Option(names = "--model", required = true, paramLabel = "DIR", description = "A segment train --out folder (or its model/ folder).")
        Path model;

        @Parameters(index = "0", paramLabel = "IMAGE", description = "Image file or DICOM series folder.")
        Path image;

        @Option(names = "--out", required = true, paramLabel = "MASK", description = "Mask to write: .nii.gz, .nii or .png.")
        Path out;

        @Option(names = "--batch", defaultValue = "16", paramLabel = "N", description = "Slices per forward pass (default: ${DEFAULT-VALUE}).")
        int batch;

        @Override
        public Integer call() {
            if (batch < 1) throw new MedinoException("--batch must be at least 1");
            SegmentPrediction.Result r = SegmentPrediction.run(model, image, out, batch);
            long[] counts = new long[1 + java.util.Arrays.stream(r.labels()).max().orElse(0)];
            for (int v : r.labels()) counts[v]++;
            System.out.println("wrote " + out + (r.overlay() != null ? " and " + r.overlay() : "") + " (voxels per label: "
                    + java.util.Arrays.toString(counts) + ")");
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "example",
            description = {"Write small example datasets and a random-weight backbone to try segmentation.",
                "DIR/2d: 30 PNG images (64x64) with masks; DIR/3d: 10 NIfTI volumes (48x48x16, 0.9x0.9x3 mm) with masks;",
                "labels 0 background, 1 organ, 2 lesion, exact; DIR/backbone: a small DINOv2 with RANDOM weights (6 blocks)."},
            footer = {"", "Example:", "  medino segment example --out seg"})
    static final class Example implements Callable<Integer> {
        @Option(names = "--out", defaultValue = "medino-segment-example", paramLabel = "DIR", description = "Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "Default: ${DEFAULT-VALUE}.")
        long seed;

        @Override
        public Integer call() {
            Path m2 = SyntheticSegmentation.write2d(out.resolve("2d"), 30, 64, seed);
            Path m3 = SyntheticSegmentation.write3d(out.resolve("3d"), 10, 48, 16, seed + 1);
            Path ckpt = RandomCheckpoint.write(out.resolve("backbone"), 48, 6, 4, seed + 2);
            System.out.println("wrote " + m2 + " (30 images), " + m3 + " (10 volumes) and " + ckpt + " (random weights: an untrained stand-in)");
            return 0;
        }
    }

    /** Stages and notes on stderr, training progress redrawn in place at most every half second. */
    private static final class ConsoleListener implements Listener {
        private long lastDraw;
        private long start = System.nanoTime();
        private boolean drawn;

        @Override
        public void note(String message) {
            end();
            System.err.println("medino: note: " + message);
        }

        @Override
        public void stage(String description) {
            end();
            start = System.nanoTime();
            System.err.println("medino: " + description);
        }

        @Override
        public SegmentationTrainer.Progress progress() {
            return (epoch, epochs, step, steps, loss) -> {
                long now = System.nanoTime();
                if (now - lastDraw < 500_000_000L && !(epoch == epochs - 1 && step == steps)) return;
                lastDraw = now;
                drawn = true;
                double done = (epoch + (double) step / steps) / epochs;
                double seconds = (now - start) / 1e9;
                System.err.printf(Locale.ROOT, "\r  epoch %d/%d, step %d/%d, loss %.4f, %.0f s, ETA %.0f s   ", epoch + 1, epochs, step, steps,
                        loss, seconds, done > 0 ? seconds / done * (1 - done) : 0);
            };
        }

        void end() {
            if (drawn) System.err.println();
            drawn = false;
        }
    }
}
