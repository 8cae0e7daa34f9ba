package org.medino.train;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;

/** The PyTorch reference written by {@code make_train_parity.py} (test resource, no Python at test time). */
final class ParityFixture {
    private static Map<String, HostTensor> tensors;

    private ParityFixture() {}

    static synchronized HostTensor get(String name) {
        if (tensors == null) {
            try {
                Path file = Path.of(ParityFixture.class.getResource("train_parity.safetensors").toURI());
                tensors = Safetensors.read(file);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        HostTensor t = tensors.get(name);
        if (t == null) throw new IllegalArgumentException("fixture has no tensor " + name);
        return t;
    }

    static float[] floats(String name) {
        return get(name).toFloats();
    }

    static int[] ints(String name) {
        float[] f = floats(name);
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) out[i] = (int) f[i];
        return out;
    }

    static double[] doubles(String name) {
        HostTensor t = get(name);
        double[] out = new double[(int) t.numel()];
        t.data().asDoubleBuffer().get(out);
        return out;
    }
}
