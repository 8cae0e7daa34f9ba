package org.medino.segment;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.medino.MedinoException;
import org.medino.train.AdamW;
import org.medino.train.CosineSchedule;
import org.medino.nn.Gradients;
import org.medino.train.Optimizer;
import org.medino.train.SegmentationLoss;
import org.medino.train.SegmentationTarget;
import org.medino.train.Sgd;
import org.medino.train.TrainingCheckpoint;

/**
 * Trains one network on 2D planes: per epoch a seeded shuffle, per plane a seeded augmentation,
 * per step a forward in training mode, the loss on the crop back to {@code S × S}, a backward, an
 * optimizer step at the cosine-scheduled learning rate, and zeroed gradients.
 *
 * <p>Every epoch's randomness is derived from (seed, epoch) only, and a checkpoint (parameters,
 * batch-norm statistics, optimizer state, counters) is written after every epoch; so a killed run
 * resumed from its checkpoint continues with exactly the draws the uninterrupted run would make.
 */
public final class SegmentationTrainer {
    /** Reports the running loss; called after every step. */
    public interface Progress {
        void update(int epoch, int epochs, int step, int stepsPerEpoch, double loss);
    }

    /** The loss became NaN or infinite: the learning rate is too high for this network. */
    public static final class DivergedException extends MedinoException {
        public DivergedException(String message) {
            super(message);
        }
    }

    private SegmentationTrainer() {}

    /**
     * @param keys stable per-plane keys for feature caching, or null (then nothing is cached)
     * @param identity what else a checkpoint must match to be resumed: the network, its input,
     *     the data (see {@link SegmentationExperiment})
     * @param checkpoint where to save after every epoch (null: nowhere)
     * @param resume continue from {@code checkpoint} if it exists (its settings must be these)
     */
    public static void train(NDManager manager, SegmentationNetwork net, List<SlicePlane> planes, List<String> keys,
            InputPipeline pipeline, TrainSettings s, int classes, String identity, Path checkpoint, boolean resume, Progress progress) {
        if (planes.isEmpty()) throw new MedinoException("no training images");
        int n = planes.size();
        // A lone plane in the last batch is left out of that epoch (another one each epoch, as the
        // order changes): batch norm cannot normalize a batch of one 1×1 map.
        int used = n > 1 && n % s.batch() == 1 ? n - 1 : n;
        int stepsPerEpoch = (used + s.batch() - 1) / s.batch();
        long totalSteps = (long) s.epochs() * stepsPerEpoch;
        CosineSchedule schedule = new CosineSchedule(s.lr(), 0, (int) Math.min(Integer.MAX_VALUE, totalSteps));
        SegmentationLoss loss = new SegmentationLoss(s.loss());
        int size = pipeline.size();
        int padded = pipeline.padded();
        String settings = s.describe() + " planes=" + n + " " + identity;
        try (NDManager state = manager.newSubManager()) {
            Optimizer optimizer = optimizer(state, s);
            int startEpoch = 0;
            long step = 0;
            if (resume && checkpoint != null && Files.isRegularFile(checkpoint)) {
                TrainingCheckpoint ck = TrainingCheckpoint.load(checkpoint);
                if (!ck.settingsJson().equals(settings)) {
                    throw new MedinoException(checkpoint + ": made with other settings (" + ck.settingsJson() + "); cannot resume with "
                            + settings + " — use another --out or drop --resume");
                }
                ck.restoreModel(manager, net.trainable(), net.buffers());
                ck.restoreOptimizer(optimizer);
                startEpoch = ck.epoch();
                step = ck.step();
            }
            for (int epoch = startEpoch; epoch < s.epochs(); epoch++) {
                SplittableRandom random = epochRandom(s.seed(), epoch);
                int[] order = permutation(n, random);
                net.reseed(random.nextLong());
                for (int b = 0; b < stepsPerEpoch; b++) {
                    int from = b * s.batch();
                    int count = Math.min(s.batch(), used - from);
                    float[] images = new float[count * 3 * padded * padded];
                    int[] labels = new int[count * size * size];
                    String[] batchKeys = keys != null && !s.augment() ? new String[count] : null;
                    for (int i = 0; i < count; i++) {
                        int index = order[from + i];
                        SplittableRandom planeRandom = random.split();
                        InputPipeline.Prepared p = pipeline.prepare(planes.get(index), s.augment() ? planeRandom : null);
                        System.arraycopy(p.image(), 0, images, i * p.image().length, p.image().length);
                        System.arraycopy(p.labels(), 0, labels, i * size * size, size * size);
                        if (batchKeys != null) batchKeys[i] = keys.get(index);
                    }
                    double value;
                    try (NDManager scope = manager.newSubManager()) {
                        NDArray x = scope.create(images, new Shape(count, 3, padded, padded));
                        SegmentationTarget target = SegmentationTarget.of(scope, labels, count, size, size, classes);
                        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                            NDArray logits = net.forward(x, true, batchKeys);
                            if (padded != size) logits = logits.get(":, :, :" + size + ", :" + size);
                            NDArray l = loss.compute(logits, target);
                            collector.backward(l);
                            value = l.getFloat();
                        }
                        if (!Double.isFinite(value)) {
                            throw new DivergedException("training diverged (loss " + value + ") at learning rate " + s.lr()
                                    + ", epoch " + (epoch + 1) + "; try a smaller --lr");
                        }
                        optimizer.step(net.trainable(), schedule.lr(step));
                        Gradients.zero(net.trainable());
                    }
                    step++;
                    if (progress != null) progress.update(epoch, s.epochs(), b + 1, stepsPerEpoch, value);
                }
                if (checkpoint != null) {
                    TrainingCheckpoint.capture(net.trainable(), net.buffers(), optimizer, epoch + 1, step, s.seed(), settings)
                            .save(checkpoint);
                }
            }
        }
    }

    private static Optimizer optimizer(NDManager state, TrainSettings s) {
        return switch (s.optimizer()) {
            case "adamw" -> new AdamW(state, s.weightDecay());
            case "sgd" -> new Sgd(state, 0.9, s.weightDecay());
            default -> throw new MedinoException("--optimizer '" + s.optimizer() + "': use adamw or sgd");
        };
    }

    /** The epoch's generator: a function of (seed, epoch) alone, so that resuming reproduces it. */
    static SplittableRandom epochRandom(long seed, int epoch) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L * (epoch + 1));
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
