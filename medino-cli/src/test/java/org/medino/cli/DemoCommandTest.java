package org.medino.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void runsTheWholePipelineAndSaysWhatTheBackboneIs() throws IOException {
        CliRun run = CliRun.of("demo", "--out", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("RANDOM weights").contains("untrained stand-in").contains("knn").contains("fewshot-knn")
                .contains("report.html").contains("medino models pull dinov2-small");
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(results.get("results").size()).isGreaterThanOrEqualTo(4);
        assertThat(dir.resolve("report.html")).exists();
        assertThat(dir.resolve("results.csv")).exists();
        // the generated data has real structure: even random features separate it far above chance (1/3)
        double knn = results.get("results").get(0).get("metrics").get("accuracy").get("value").asDouble();
        assertThat(knn).isGreaterThan(0.6);
        // the bundled backbone still matches the reference implementation
        String parity = run.out().lines().filter(l -> l.startsWith("parity:")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(parity.substring(parity.lastIndexOf(' ') + 1))).isLessThan(1e-4);
    }
}
