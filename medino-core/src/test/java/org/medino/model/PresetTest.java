package org.medino.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The presets declare the public models' parameters (sizes as the Hugging Face model cards state them). */
class PresetTest {
    @ParameterizedTest
    @CsvSource({
        "vits14, false, 22.1e6",
        "vitb14, false, 86.6e6",
        "vitl14, false, 304e6",
        "vitg14, false, 1.14e9",
        "vits14, true, 22.1e6",
        "vitg14, true, 1.14e9"})
    void parameterCountsMatchThePublishedModels(String arch, boolean registers, double published) {
        DinoV2Config config = DinoV2Config.preset(arch, registers);
        try (NDManager manager = NDManager.newBaseManager();
                DinoVisionTransformer model = new DinoVisionTransformer(config, manager)) {
            long count = model.parameters().values().stream().mapToLong(p -> p.shape().size()).sum();
            assertThat((double) count).isCloseTo(published, org.assertj.core.data.Percentage.withPercentage(0.5));
            assertThat(model.parameters()).containsKey("blocks." + (config.depth() - 1) + ".ls2.gamma");
            assertThat(model.parameters().containsKey("register_tokens")).isEqualTo(registers);
        }
    }
}
