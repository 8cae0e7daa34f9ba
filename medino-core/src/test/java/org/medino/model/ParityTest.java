package org.medino.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;
import org.medino.embed.TensorForward;
import org.medino.testing.Fixtures;
import org.medino.testing.Tensors;

/**
 * Every output of every fixture model, in every layout, against the reference implementation's
 * outputs (computed in PyTorch by facebookresearch/dinov2 and transformers), to 1e-4.
 */
class ParityTest {
    private static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void release() {
        manager.close();
    }

    static Stream<Arguments> checkpoints() {
        return Stream.of("vits14-style", "vitg14-reg-style").flatMap(model -> Stream.of(
                Arguments.of(model, "official.pth", "expected-official.safetensors"),
                Arguments.of(model, "official.safetensors", "expected-official.safetensors"),
                Arguments.of(model, "hf", "expected-hf.safetensors")));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("checkpoints")
    void outputsMatchTheReference(String model, String checkpoint, String expectedFile) {
        Path dir = Fixtures.parityModel(model);
        Map<String, HostTensor> inputs = Safetensors.read(dir.resolve("inputs.safetensors"));
        Map<String, HostTensor> expected = Safetensors.read(dir.resolve(expectedFile));
        try (LoadedBackbone backbone = Backbones.load(dir.resolve(checkpoint), Backbones.Options.DEFAULTS, manager)) {
            int depth = backbone.config().depth();
            Map<String, HostTensor> actual = TensorForward.run(backbone.model(), inputs, Math.min(3, depth), false);
            int compared = 0;
            for (Map.Entry<String, HostTensor> e : expected.entrySet()) {
                if (inputs.containsKey(e.getKey())) {
                    continue; // the expected file also stores its inputs
                }
                HostTensor got = actual.get(e.getKey());
                assertThat(got).as(e.getKey()).isNotNull();
                assertThat(got.shape()).as(e.getKey()).isEqualTo(e.getValue().shape());
                assertThat(Tensors.maxAbsDiff(got.toFloats(), e.getValue().toFloats())).as(e.getKey()).isLessThanOrEqualTo(1e-4);
                compared++;
            }
            assertThat(actual).hasSize(compared);
        }
    }
}
