package org.medino.checkpoint.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HfEnvironmentTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void defaultsMatchHuggingfaceHub() {
        HfEnvironment env = HfEnvironment.from(Map.of(), HOME);

        assertThat(env.endpoint()).isEqualTo("https://huggingface.co");
        assertThat(env.token()).isEmpty();
        assertThat(env.offline()).isFalse();
        assertThat(env.hubCache()).isEqualTo(HOME.resolve(".cache/huggingface/hub"));
    }

    @Test
    void endpointLosesItsTrailingSlashes() {
        assertThat(HfEnvironment.from(Map.of("HF_ENDPOINT", "https://mirror.example/hf//"), HOME).endpoint())
                .isEqualTo("https://mirror.example/hf");
    }

    @Test
    void emptyVariablesCountAsUnset() {
        HfEnvironment env = HfEnvironment.from(Map.of("HF_ENDPOINT", "", "HF_TOKEN", "", "HF_HOME", ""), HOME);

        assertThat(env.endpoint()).isEqualTo(HfEnvironment.DEFAULT_ENDPOINT);
        assertThat(env.token()).isEmpty();
        assertThat(env.hubCache()).isEqualTo(HOME.resolve(".cache/huggingface/hub"));
    }

    @Test
    void tokenIsTrimmedAndNeverPrinted() {
        HfEnvironment env = HfEnvironment.from(Map.of("HF_TOKEN", " hf_abc\r\n"), HOME);

        assertThat(env.token()).isEqualTo(Optional.of("hf_abc"));
        assertThat(env.toString()).doesNotContain("hf_abc").contains("token=<set>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "ON", "on", "Yes", "TRUE", "true"})
    void offlineForHuggingfaceHubsTrueValues(String value) {
        assertThat(HfEnvironment.from(Map.of("HF_HUB_OFFLINE", value), HOME).offline()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "false", "no", "off", "2"})
    void onlineForAnyOtherValue(String value) {
        assertThat(HfEnvironment.from(Map.of("HF_HUB_OFFLINE", value), HOME).offline()).isFalse();
    }

    @Test
    void transformersOfflineCountsOnlyWhenHfHubOfflineIsUnset() {
        assertThat(HfEnvironment.from(Map.of("TRANSFORMERS_OFFLINE", "1"), HOME).offline()).isTrue();
        assertThat(HfEnvironment.from(Map.of("TRANSFORMERS_OFFLINE", "1", "HF_HUB_OFFLINE", "0"), HOME).offline())
                .isFalse();
    }

    @Test
    void hfHomeHoldsTheHubCache() {
        assertThat(HfEnvironment.from(Map.of("HF_HOME", "/data/hf"), HOME).hubCache())
                .isEqualTo(Path.of("/data/hf/hub"));
    }

    @Test
    void hfHubCacheWinsOverHfHome() {
        HfEnvironment env = HfEnvironment.from(Map.of("HF_HOME", "/data/hf", "HF_HUB_CACHE", "/fast/hub"), HOME);

        assertThat(env.hubCache()).isEqualTo(Path.of("/fast/hub"));
    }

    @Test
    void legacyHuggingfaceHubCacheWinsOverHfHomeButNotOverHfHubCache() {
        assertThat(HfEnvironment.from(Map.of("HF_HOME", "/data/hf", "HUGGINGFACE_HUB_CACHE", "/old/hub"), HOME)
                .hubCache()).isEqualTo(Path.of("/old/hub"));
        assertThat(HfEnvironment.from(Map.of("HUGGINGFACE_HUB_CACHE", "/old/hub", "HF_HUB_CACHE", "/new/hub"), HOME)
                .hubCache()).isEqualTo(Path.of("/new/hub"));
    }

    @Test
    void xdgCacheHomeMovesTheDefaultHfHome() {
        assertThat(HfEnvironment.from(Map.of("XDG_CACHE_HOME", "/xdg"), HOME).hubCache())
                .isEqualTo(Path.of("/xdg/huggingface/hub"));
        assertThat(HfEnvironment.from(Map.of("XDG_CACHE_HOME", "/xdg", "HF_HOME", "/data/hf"), HOME).hubCache())
                .isEqualTo(Path.of("/data/hf/hub"));
    }

    @Test
    void tildeIsTheUserHome() {
        assertThat(HfEnvironment.from(Map.of("HF_HOME", "~/hf"), HOME).hubCache()).isEqualTo(HOME.resolve("hf/hub"));
        assertThat(HfEnvironment.from(Map.of("HF_HUB_CACHE", "~"), HOME).hubCache()).isEqualTo(HOME);
    }
}
