package org.medino.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.eval.FeatureInput;
import org.medino.eval.LabeledFeatures;
import org.medino.eval.LinearProbeOptions;
import org.medino.eval.ProbeFeatures;
import picocli.CommandLine.Option;

/** {@code --train}, {@code --val}, {@code --test}: stores or plain feature files, checked to be comparable. */
final class EvalInputs {
    @Option(names = "--train", required = true, paramLabel = "STORE|FILE", description = "Training features: a feature store (its train rows) or a .safetensors file.")
    Path train;

    @Option(names = "--val", paramLabel = "STORE|FILE", description = "Validation features (optional).")
    Path val;

    @Option(names = "--test", required = true, paramLabel = "STORE|FILE", description = "Test features: a feature store (its test rows) or a .safetensors file.")
    Path test;

    FeatureInput trainInput;
    FeatureInput valInput;
    FeatureInput testInput;

    /** Loads all inputs, refuses mixed recipes, and gives plain files a common class list. */
    void load() {
        FeatureInput.requireDistinctRows(train, val, "validation");
        FeatureInput.requireDistinctRows(train, test, "test");
        trainInput = FeatureInput.load(train, "train");
        valInput = val == null ? null : FeatureInput.load(val, "val");
        testInput = FeatureInput.load(test, "test");
        List<FeatureInput> all = new ArrayList<>(Arrays.asList(trainInput, valInput, testInput));
        FeatureInput.requireSameRecipe(all);
        int d = trainInput.features().d();
        for (FeatureInput in : all) {
            if (in != null && in.features().d() != d) {
                throw new MedinoException(in.source() + ": features are " + in.features().d() + " wide, " + train + "'s are " + d);
            }
            if (in != null && in.features().task() == org.medino.eval.Task.MULTILABEL
                    != (trainInput.features().task() == org.medino.eval.Task.MULTILABEL)) {
                throw new MedinoException(in.source() + ": single- and multi-label inputs cannot be mixed");
            }
        }
        int classes = 0;
        for (FeatureInput in : all) if (in != null) classes = Math.max(classes, in.features().numClasses());
        String[] names = trainInput.features().classNames();
        for (FeatureInput in : all) {
            if (in != null && in.features().numClasses() == classes) names = in.features().classNames();
        }
        trainInput = widen(trainInput, names);
        valInput = valInput == null ? null : widen(valInput, names);
        testInput = widen(testInput, names);
        requireTrainedClasses(valInput);
        requireTrainedClasses(testInput);
    }

    /** A class that the evaluated rows hold but train never shows cannot be learned: say so instead of scoring it. */
    private void requireTrainedClasses(FeatureInput in) {
        LabeledFeatures t = trainInput.features();
        if (in == null || t.labels() == null) {
            return;
        }
        boolean[] seen = new boolean[t.numClasses()];
        for (int label : t.labels()) seen[label] = true;
        java.util.Set<String> absent = new java.util.TreeSet<>();
        for (int label : in.features().labels()) {
            if (!seen[label]) absent.add(t.classNames()[label]);
        }
        if (!absent.isEmpty()) {
            throw new MedinoException(in.source() + ": class" + (absent.size() > 1 ? "es " : " ") + String.join(", ", absent)
                    + " appear" + (absent.size() > 1 ? "" : "s") + " here but never in the training data (" + trainInput.source() + ")");
        }
    }

    LabeledFeatures trainFeatures() {
        return trainInput.features();
    }

    LabeledFeatures testFeatures() {
        return testInput.features();
    }

    LabeledFeatures valFeatures() {
        return valInput == null ? null : valInput.features();
    }

    /** The inputs of the linear probe: stored CLS tokens of the last blocks and the mean patch token. */
    static ProbeFeatures probe(FeatureInput in) {
        LabeledFeatures f = in.features();
        float[] patch = in.patchMean() != null ? in.patchMean() : new float[f.n() * f.d()];
        return new ProbeFeatures(f.ids(), in.clsPerBlock(), patch, f.n(), in.layers(), f.d(), f.labels(), f.multiHot(),
                f.classNames(), f.patientIds());
    }

    /** n_last_blocks {1, 4} as DINOv2 (fewer when fewer blocks were stored); avgpool only where patch tokens exist. */
    LinearProbeOptions probeGrid(LinearProbeOptions base) {
        int layers = trainInput.layers();
        List<Integer> blocks = layers >= 4 ? List.of(1, 4) : layers > 1 ? List.of(1, layers) : List.of(1);
        List<Boolean> avgpool = trainInput.patchMean() != null ? List.of(false, true) : List.of(false);
        return base.withGrid(blocks, avgpool);
    }

    /** Plain files name classes by index and a split may miss the last ones: give every split the same list. */
    private static FeatureInput widen(FeatureInput in, String[] names) {
        LabeledFeatures f = in.features();
        if (Arrays.equals(f.classNames(), names)) {
            return in;
        }
        if (f.multiHot() != null || in.recipe() != null) {
            throw new MedinoException(in.source() + ": its classes " + Arrays.toString(f.classNames()) + " differ from " + Arrays.toString(names));
        }
        LabeledFeatures wide = new LabeledFeatures(f.ids(), f.x(), f.n(), f.d(), f.labels(), null, names, f.patientIds());
        return new FeatureInput(wide, in.clsPerBlock(), in.patchMean(), in.layers(), in.recipe(), in.source());
    }

    /** results.json's "dataset" block. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train", train.toString());
        m.put("val", val == null ? null : val.toString());
        m.put("test", test.toString());
        m.put("n_train", trainInput.features().n());
        m.put("n_val", valInput == null ? 0 : valInput.features().n());
        m.put("n_test", testInput.features().n());
        m.put("task", trainInput.features().task().name().toLowerCase(java.util.Locale.ROOT));
        m.put("classes", List.of(trainInput.features().classNames()));
        return m;
    }

    /** results.json's "model" block: the stores' recipe, or null for plain files. */
    Map<String, Object> model() {
        return trainInput.recipe();
    }
}
