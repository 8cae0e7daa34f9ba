package org.medino.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.medino.MedinoException;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;
import org.medino.nn.InPlace;
import org.medino.nn.Parameter;

/**
 * Everything needed to continue a training run as if it had never stopped, in one
 * {@code .safetensors} file written atomically (a crash mid-save leaves the previous checkpoint).
 *
 * <p>Tensors are stored as {@code model.<name>} (parameters and buffers, float32) and
 * {@code optimizer.<key>}; the {@code __metadata__} map holds the format tag, the optimizer name,
 * the counters, the seed and the settings JSON. Randomness is not serialized: medino derives each
 * epoch's shuffling and augmentation from (seed, epoch), so saving at an epoch boundary with
 * {@code epoch} = the next epoch to run makes the resumed run draw exactly what the uninterrupted
 * one would have.
 *
 * @param model parameters and buffers by dotted name
 * @param optimizer {@link Optimizer#state()}
 * @param optimizerName {@link Optimizer#name()}, checked on resume
 * @param epoch the next epoch to run (= epochs completed)
 * @param step optimizer steps taken (drives the learning-rate schedule)
 * @param seed the run's seed
 * @param settingsJson the run's settings, verbatim
 */
public record TrainingCheckpoint(
        Map<String, HostTensor> model,
        Map<String, HostTensor> optimizer,
        String optimizerName,
        int epoch,
        long step,
        long seed,
        String settingsJson) {

    static final String FORMAT = "medino.training-checkpoint";
    static final String VERSION = "1";
    private static final String MODEL = "model.";
    private static final String OPTIMIZER = "optimizer.";

    /** Host copies of the parameters, {@code buffers} (e.g. BN running statistics) and optimizer state. */
    public static TrainingCheckpoint capture(List<Parameter> params, Map<String, NDArray> buffers,
            Optimizer optimizer, int epoch, long step, long seed, String settingsJson) {
        Map<String, HostTensor> model = new LinkedHashMap<>();
        for (Parameter p : params) put(model, p.name(), HostArrays.toHost(p.array()));
        buffers.forEach((name, array) -> put(model, name, HostArrays.toHost(array)));
        return new TrainingCheckpoint(model, optimizer.state(), optimizer.name(), epoch, step, seed, settingsJson);
    }

    private static void put(Map<String, HostTensor> model, String name, HostTensor tensor) {
        if (model.put(name, tensor) != null) {
            throw new IllegalArgumentException("two model tensors are named '" + name + "'");
        }
    }

    /** Writes the checkpoint to {@code file} (temporary file + rename). */
    public void save(Path file) {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        model.forEach((k, v) -> tensors.put(MODEL + k, v));
        optimizer.forEach((k, v) -> tensors.put(OPTIMIZER + k, v));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("format_version", VERSION);
        metadata.put("optimizer", optimizerName);
        metadata.put("epoch", Integer.toString(epoch));
        metadata.put("step", Long.toString(step));
        metadata.put("seed", Long.toString(seed));
        metadata.put("settings", settingsJson);
        Safetensors.write(file, tensors, metadata);
    }

    /** Reads a checkpoint written by {@link #save}; a foreign or damaged file is a {@link MedinoException}. */
    public static TrainingCheckpoint load(Path file) {
        Safetensors.Contents contents = Safetensors.readWithMetadata(file);
        Map<String, String> meta = contents.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new MedinoException(file + ": not a medino training checkpoint (no format tag '" + FORMAT + "')");
        }
        if (!VERSION.equals(meta.get("format_version"))) {
            throw new MedinoException(file + ": training checkpoint version " + meta.get("format_version")
                    + " is not supported (expected " + VERSION + ")");
        }
        Map<String, HostTensor> model = new LinkedHashMap<>();
        Map<String, HostTensor> optimizer = new LinkedHashMap<>();
        contents.tensors().forEach((k, v) -> {
            if (k.startsWith(MODEL)) model.put(k.substring(MODEL.length()), v);
            else if (k.startsWith(OPTIMIZER)) optimizer.put(k.substring(OPTIMIZER.length()), v);
            else throw new MedinoException(file + ": unexpected tensor '" + k + "' in a training checkpoint");
        });
        try {
            return new TrainingCheckpoint(model, optimizer, required(file, meta, "optimizer"),
                    Integer.parseInt(required(file, meta, "epoch")), Long.parseLong(required(file, meta, "step")),
                    Long.parseLong(required(file, meta, "seed")), required(file, meta, "settings"));
        } catch (NumberFormatException e) {
            throw new MedinoException(file + ": training checkpoint has a malformed counter (" + e.getMessage() + ")");
        }
    }

    private static String required(Path file, Map<String, String> meta, String key) {
        String value = meta.get(key);
        if (value == null) throw new MedinoException(file + ": training checkpoint metadata lacks '" + key + "'");
        return value;
    }

    /**
     * Copies the stored model tensors into the existing parameter and buffer arrays, in place.
     * Names must match exactly and shapes must agree: a checkpoint of another architecture is an
     * error rather than a partial load.
     *
     * @param scratch parent of a temporary scope for the host-to-device copies
     */
    public void restoreModel(NDManager scratch, List<Parameter> params, Map<String, NDArray> buffers) {
        Map<String, NDArray> targets = new LinkedHashMap<>();
        for (Parameter p : params) targets.put(p.name(), p.array());
        targets.putAll(buffers);
        TreeSet<String> missing = new TreeSet<>(targets.keySet());
        missing.removeAll(model.keySet());
        TreeSet<String> unexpected = new TreeSet<>(model.keySet());
        unexpected.removeAll(targets.keySet());
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new MedinoException("training checkpoint does not fit the model: missing " + missing
                    + ", unexpected " + unexpected);
        }
        List<String> wrongShape = new ArrayList<>();
        targets.forEach((name, array) -> {
            if (!java.util.Arrays.equals(array.getShape().getShape(), model.get(name).shape())) {
                wrongShape.add(name + " " + java.util.Arrays.toString(model.get(name).shape())
                        + " vs model " + array.getShape());
            }
        });
        if (!wrongShape.isEmpty()) {
            throw new MedinoException("training checkpoint shapes differ from the model: " + wrongShape);
        }
        try (NDManager scope = scratch.newSubManager()) {
            targets.forEach((name, array) -> InPlace.copy(array, HostArrays.toArray(scope, model.get(name)), scope));
        }
    }

    /** Loads the optimizer state, refusing a checkpoint made with another optimizer. */
    public void restoreOptimizer(Optimizer target) {
        if (!target.name().equals(optimizerName)) {
            throw new MedinoException("training checkpoint was made with optimizer '" + optimizerName
                    + "', cannot resume with '" + target.name() + "'");
        }
        target.loadState(optimizer);
    }
}
