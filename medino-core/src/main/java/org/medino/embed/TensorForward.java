package org.medino.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medino.MedinoException;
import org.medino.checkpoint.DType;
import org.medino.checkpoint.HostTensor;
import org.medino.model.DinoFeatures;
import org.medino.model.DinoV2Config;
import org.medino.model.DinoVisionTransformer;
import org.medino.model.Padding;

/**
 * Runs a backbone on named image tensors and names its outputs the way the parity fixtures and
 * the reference tooling do: for each input K, {@code K.cls}, {@code K.patch}, {@code K.registers}
 * (when there are registers), {@code K.last_hidden_state}, and for the last n blocks j = 0..n-1
 * (oldest first) {@code K.intermediate.j.cls}, {@code K.intermediate.j.patch} (final norm
 * applied) and {@code K.intermediate_raw.j.patch}.
 */
public final class TensorForward {
    private TensorForward() {}

    /**
     * Checks every input before running any, so that a bad tensor is reported before work is done.
     *
     * @param source file name for messages
     * @param pad zero-pad sizes that are not multiples of the patch (else they are refused)
     */
    public static void validate(String source, Map<String, HostTensor> inputs, DinoV2Config config, boolean pad) {
        if (inputs.isEmpty()) {
            throw new MedinoException(source + ": holds no tensors");
        }
        inputs.forEach((name, t) -> {
            long[] s = t.shape();
            String what = source + ": tensor '" + name + "' ";
            if (t.dtype() != DType.F32) {
                throw new MedinoException(what + "is " + t.dtype() + "; images must be float32");
            }
            if (s.length != 4) {
                throw new MedinoException(what + "has shape " + new Shape(s) + "; images must be [B, " + config.inChans() + ", H, W]");
            }
            if (s[1] != config.inChans()) {
                throw new MedinoException(what + "has " + s[1] + " channels; the model takes " + config.inChans()
                        + " (shape must be [B, " + config.inChans() + ", H, W])");
            }
            if (s[0] == 0 || s[2] == 0 || s[3] == 0) {
                throw new MedinoException(what + "is empty: shape " + new Shape(s));
            }
            int p = config.patchSize();
            if (!pad && (s[2] % p != 0 || s[3] % p != 0)) {
                throw new MedinoException(what + "is " + s[2] + "x" + s[3] + ", not a multiple of the patch size " + p
                        + ": resize or crop it (e.g. to " + Math.max(p, s[2] / p * p) + "x" + Math.max(p, s[3] / p * p)
                        + "), or pass --pad to zero-pad it");
            }
        });
    }

    /** Runs all inputs, one scope each, and returns the named outputs as float32 host tensors. */
    public static Map<String, HostTensor> run(
            DinoVisionTransformer model, Map<String, HostTensor> inputs, int lastBlocks, boolean pad) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, HostTensor> e : inputs.entrySet()) {
            String k = e.getKey();
            HostTensor t = e.getValue();
            try (NDManager scope = model.manager().getParentManager().newSubManager()) {
                NDArray images = scope.create(t.toFloats(), new Shape(t.shape()));
                if (pad) {
                    images = Padding.centerPad(images, model.config().patchSize());
                }
                DinoFeatures f = model.forward(images, lastBlocks);
                out.put(k + ".cls", host(f.cls()));
                out.put(k + ".patch", host(f.patch()));
                if (f.numRegisters() > 0) {
                    out.put(k + ".registers", host(f.registers()));
                }
                out.put(k + ".last_hidden_state", host(f.lastHiddenState()));
                for (int j = 0; j < lastBlocks; j++) {
                    out.put(k + ".intermediate." + j + ".cls", host(f.intermediateCls(j)));
                    out.put(k + ".intermediate." + j + ".patch", host(f.intermediatePatch(j)));
                    out.put(k + ".intermediate_raw." + j + ".patch", host(f.intermediateRawPatch(j)));
                }
            }
        }
        return out;
    }

    /** Copies an array to the host as a contiguous float32 tensor. */
    public static HostTensor host(NDArray array) {
        ByteBuffer bytes = ByteBuffer.wrap(array.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toByteArray())
                .order(ByteOrder.LITTLE_ENDIAN);
        return new HostTensor(DType.F32, array.getShape().getShape(), bytes);
    }
}
