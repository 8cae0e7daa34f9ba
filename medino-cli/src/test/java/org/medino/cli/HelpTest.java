package org.medino.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command documents itself with an example, and its help renders cleanly. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"demo", "embed", "forward", "info", "export", "data check", "eval knn", "eval mlknn", "eval linear",
        "eval logreg", "eval fewshot", "score", "models list", "models pull", "segment train", "segment predict", "segment example"})
    void helpShowsAnExample(String command) {
        String[] args = (command + " --help").split(" ");
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: medino " + command).contains("Example");
        assertThat(run.err()).doesNotContain("WARN");
    }
}
