package org.medino.segment;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.medino.MedinoException;
import org.medino.checkpoint.AtomicFiles;
import org.medino.data.Split;
import org.medino.metrics.CaseScores;
import org.medino.metrics.LabelGrid;
import org.medino.metrics.SegmentationMetrics;
import org.medino.metrics.SegmentationSummary;

/**
 * The two-stage protocol on loaded cases. With several learning rates, each is trained on the
 * train cases and scored on the val cases by mean IoU (background excluded); the best is then
 * trained again on train + val (or on train only, without {@code retrain} or without val cases) and
 * that final network is scored on the test cases, in 3D for volumes. Few-shot runs draw their
 * {@code shots} training cases (images, or whole volumes) once, from the seed, and the final network
 * is trained on those alone: val only chooses.
 */
public final class SegmentationExperiment {
    /**
     * @param settings training settings (their lr is replaced by each grid value)
     * @param lrs the learning-rate grid (one value: no selection stage)
     * @param shots train on this many training cases only (null: all)
     * @param axis slice axis of volumes
     * @param retrain refit the chosen setting on train + val
     * @param evalBatch planes per forward pass at evaluation
     * @param resume continue from checkpoints in {@code work}
     * @param identity everything besides the settings that a checkpoint or a finished grid point
     *     must match to be reused: network, its configuration, backbone hash, input, data
     */
    public record Options(TrainSettings settings, List<Double> lrs, Integer shots, SliceAxis axis, boolean retrain, int evalBatch,
            boolean resume, String identity) {}

    /** Where the run stands, for a progress line. */
    public interface Listener {
        void stage(String description);

        SegmentationTrainer.Progress progress();
    }

    /**
     * @param grid the selection stage (empty with one learning rate)
     * @param chosenLr the learning rate of the final network
     * @param finalTraining which cases the final network was trained on ("train" or "train+val")
     * @param trainCases the training cases used (after a few-shot draw)
     * @param test test-split scores
     * @param predictions test-split predictions, in manifest order
     */
    public record Outcome(List<GridPoint> grid, double chosenLr, String finalTraining, List<String> trainCases,
            SegmentationSummary test, List<CasePrediction> predictions) {}

    private final NDManager manager;
    private final NetworkFactory factory;
    private final InputPipeline pipeline;
    private final int classes;
    private final Options options;
    private final Path work;
    private final Listener listener;

    /**
     * @param work folder for checkpoints (created)
     */
    public SegmentationExperiment(NDManager manager, NetworkFactory factory, InputPipeline pipeline, int classes, Options options,
            Path work, Listener listener) {
        this.manager = manager;
        this.factory = factory;
        this.pipeline = pipeline;
        this.classes = classes;
        this.options = options;
        this.work = work;
        this.listener = listener;
    }

    /** Runs the protocol; the final network is handed to {@code keep} before it is closed (to save it). */
    public Outcome run(List<LoadedCase> cases, List<Split> splits, java.util.function.Consumer<SegmentationNetwork> keep) {
        List<Integer> train = indices(splits, Split.TRAIN);
        List<Integer> val = indices(splits, Split.VAL);
        List<Integer> test = indices(splits, Split.TEST);
        if (train.isEmpty()) throw new MedinoException("the manifest has no train rows");
        if (test.isEmpty()) throw new MedinoException("the manifest has no test rows");
        if (options.shots() != null) train = draw(train, options.shots(), options.settings().seed());
        List<GridPoint> grid = new ArrayList<>();
        double chosen = options.lrs().get(0);
        if (options.lrs().size() > 1) {
            if (val.isEmpty()) throw new MedinoException("a learning-rate grid needs val rows to choose on (or give one --lr)");
            double best = Double.NEGATIVE_INFINITY;
            for (double lr : options.lrs()) {
                GridPoint point = gridPoint(cases, train, val, lr);
                grid.add(point);
                if (point.valIouMean() > best) {
                    best = point.valIouMean();
                    chosen = lr;
                }
            }
            if (best == Double.NEGATIVE_INFINITY) {
                boolean allDiverged = grid.stream().allMatch(p -> p.note().equals("diverged"));
                throw new MedinoException(allDiverged ? "training diverged at every learning rate of the grid; try smaller --lr values"
                        : "the val cases hold no foreground class, so no learning rate can be chosen on them; give one --lr or other val rows");
            }
        }
        List<Integer> finalTrain = new ArrayList<>(train);
        String finalTraining = "train";
        if (options.shots() != null) {
            finalTraining = "train (" + options.shots() + " shots)";
        } else if (options.retrain() && !val.isEmpty()) {
            finalTrain.addAll(val);
            finalTraining = "train+val";
        }
        listener.stage(String.format(Locale.ROOT, "final fit on %s (%d cases), lr %s", finalTraining, finalTrain.size(), chosen));
        SegmentationSummary summary = new SegmentationSummary();
        List<CasePrediction> predictions = new ArrayList<>();
        try (SegmentationNetwork net = factory.create(options.settings().seed())) {
            fit(net, cases, finalTrain, options.settings().withLr(chosen), work.resolve("final.safetensors"));
            listener.stage("predicting " + test.size() + " test cases");
            SegmentationPredictor predictor = new SegmentationPredictor(net, pipeline, options.evalBatch());
            for (int i : test) {
                LoadedCase c = cases.get(i);
                int[] predicted = predictor.predict(manager, c, axisOf(c), "case:" + c.id());
                summary.add(c.id(), score(c, predicted));
                predictions.add(new CasePrediction(c, predicted));
            }
            keep.accept(net);
        }
        List<String> trainIds = new ArrayList<>();
        for (int i : train) trainIds.add(cases.get(i).id());
        return new Outcome(grid, chosen, finalTraining, trainIds, summary, predictions);
    }

    private GridPoint gridPoint(List<LoadedCase> cases, List<Integer> train, List<Integer> val, double lr) {
        String name = String.format(Locale.ROOT, "lr-%s", lr);
        Path done = work.resolve(name + ".score");
        String made = options.settings().withLr(lr).describe() + " " + options.identity();
        if (options.resume() && Files.isRegularFile(done)) {
            // "<score>\n<what it was made with>": reused only when made with exactly these settings.
            try {
                List<String> lines = Files.readAllLines(done, StandardCharsets.UTF_8);
                if (lines.size() == 2 && lines.get(1).equals(made)) {
                    double score = Double.parseDouble(lines.get(0));
                    return new GridPoint(lr, score, Double.isNaN(score) ? "no foreground in val" : "");
                }
            } catch (IOException | NumberFormatException e) {
                // a damaged score file: run the point again
            }
        }
        listener.stage(String.format(Locale.ROOT, "selection: lr %s on train (%d cases), scored on val (%d cases)", lr, train.size(), val.size()));
        try (SegmentationNetwork net = factory.create(options.settings().seed())) {
            try {
                fit(net, cases, train, options.settings().withLr(lr), work.resolve(name + ".safetensors"));
            } catch (SegmentationTrainer.DivergedException e) {
                return new GridPoint(lr, Double.NaN, "diverged");
            }
            SegmentationPredictor predictor = new SegmentationPredictor(net, pipeline, options.evalBatch());
            SegmentationSummary summary = new SegmentationSummary();
            for (int i : val) {
                LoadedCase c = cases.get(i);
                summary.add(c.id(), score(c, predictor.predict(manager, c, axisOf(c), "case:" + c.id())));
            }
            double iou = summary.iouMean();
            AtomicFiles.writeText(done, iou + "\n" + made);
            return new GridPoint(lr, iou, Double.isNaN(iou) ? "no foreground in val" : "");
        }
    }

    private void fit(SegmentationNetwork net, List<LoadedCase> cases, List<Integer> which, TrainSettings s, Path checkpoint) {
        List<SlicePlane> planes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i : which) {
            LoadedCase c = cases.get(i);
            for (SlicePlane p : Slicing.planes(c, i, axisOf(c))) {
                planes.add(p);
                keys.add("case:" + c.id() + "#" + p.index());
            }
        }
        SegmentationTrainer.train(manager, net, planes, keys, pipeline, s, classes, options.identity(), checkpoint, options.resume(),
                listener.progress());
    }

    private CaseScores score(LoadedCase c, int[] predicted) {
        try {
            LabelGrid truth = new LabelGrid(c.labels(), c.spatialShape(), c.spacing());
            LabelGrid prediction = new LabelGrid(predicted, c.spatialShape(), c.spacing());
            return SegmentationMetrics.score(prediction, truth, classes, false);
        } catch (IllegalArgumentException e) {
            throw new MedinoException(c.source() + ": cannot score " + c.id() + ": " + e.getMessage(), e);
        }
    }

    private int axisOf(LoadedCase c) {
        return c.isVolume() ? options.axis().resolve(c.affine()) : 0;
    }

    private static List<Integer> indices(List<Split> splits, Split which) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) if (splits.get(i) == which) out.add(i);
        return out;
    }

    /** {@code shots} of the training cases, drawn once from the seed, in manifest order. */
    static List<Integer> draw(List<Integer> train, int shots, long seed) {
        if (shots < 1) throw new MedinoException("--shots must be at least 1");
        if (shots > train.size()) throw new MedinoException("--shots " + shots + " but the manifest has only " + train.size() + " train rows");
        int[] order = SegmentationTrainer.permutation(train.size(), new SplittableRandom(seed ^ 0x5DEECE66DL));
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < shots; i++) picked.add(train.get(order[i]));
        picked.sort(null);
        return picked;
    }
}
