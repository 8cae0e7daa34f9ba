package org.medino.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.checkpoint.BackboneStateDict;
import org.medino.checkpoint.HostTensor;

/**
 * Loads a state dict into a model strictly: every declared parameter must be present with its
 * exact shape and a floating type, and nothing else may be there. All problems are collected and
 * reported together, and nothing is loaded unless everything fits: a model is never half-loaded.
 */
public final class StateDictLoader {
    private static final int LISTED = 6;

    private StateDictLoader() {}

    public static void load(DinoVisionTransformer model, BackboneStateDict stateDict) {
        Map<String, Param> declared = model.parameters();
        Map<String, HostTensor> given = stateDict.tensors();
        List<String> missing = new ArrayList<>();
        List<String> wrongShape = new ArrayList<>();
        List<String> wrongType = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        declared.forEach((name, param) -> {
            HostTensor tensor = given.get(name);
            if (tensor == null) {
                missing.add(name + " " + param.shape());
            } else if (!Arrays.equals(tensor.shape(), param.shape().getShape())) {
                wrongShape.add(name + " is " + new Shape(tensor.shape()) + " but the model needs " + param.shape());
            } else if (!tensor.dtype().isFloating()) {
                wrongType.add(name + " is " + tensor.dtype());
            }
        });
        given.forEach((name, tensor) -> {
            if (!declared.containsKey(name)) {
                unexpected.add(name + " " + new Shape(tensor.shape()));
            }
        });
        List<String> problems = new ArrayList<>();
        describe(problems, "missing", missing);
        describe(problems, "unexpected", unexpected);
        describe(problems, "wrong shape", wrongShape);
        describe(problems, "not floating point", wrongType);
        if (!problems.isEmpty()) {
            throw new MedinoException(stateDict.source() + ": checkpoint does not match " + model.config().describe()
                    + ": " + String.join("; ", problems));
        }
        NDManager manager = model.manager();
        declared.forEach((name, param) -> {
            NDArray array = manager.create(given.get(name).toFloats(), param.shape());
            model.setParameter(name, array);
        });
    }

    private static void describe(List<String> problems, String what, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        String listed = String.join(", ", keys.subList(0, Math.min(LISTED, keys.size())));
        String more = keys.size() > LISTED ? " and " + (keys.size() - LISTED) + " more" : "";
        problems.add(what + " " + keys.size() + " key" + (keys.size() == 1 ? "" : "s") + ": " + listed + more);
    }
}
