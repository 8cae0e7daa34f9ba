package org.medino.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.eval.Predictions;

class ResultsWriterTest {
    @TempDir
    Path dir;

    private static Results sample() {
        Predictions p = new Predictions(new String[] {"a", "b", "c", "d"}, new float[] {0.9f, 0.1f, 0.4f, 0.6f, 0.3f, 0.7f, 0.8f, 0.2f}, 2);
        Map<String, MetricInterval> m1 = new LinkedHashMap<>();
        m1.put("accuracy", new MetricInterval(0.5, 0.25, 0.75));
        m1.put("auroc", new MetricInterval(0.75, Double.NaN, Double.NaN));
        Map<String, MetricInterval> m2 = Map.of("accuracy", new MetricInterval(1.0, 1.0, 1.0));
        List<ResultEntry> entries = List.of(
                new ResultEntry("knn", Map.of("k", 20), m1, p),
                new ResultEntry("fewshot-knn", Map.of("shots", 1), m2, null),
                new ResultEntry("fewshot-knn", Map.of("shots", 4), m2, null));
        return new Results("eval knn", Map.of("seed", 0), Map.of("model", "m"), Map.of("task", "binary"),
                Map.of("total_seconds", 1.5), entries, new int[] {0, 1, 1, 0}, List.of("no", "yes"));
    }

    @Test
    void writesTheThreeFilesWithTheContractKeys() throws IOException {
        ResultsWriter.write(dir, sample());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        JsonNode first = json.get("results").get(0);
        assertThat(first.get("protocol").asText()).isEqualTo("knn");
        assertThat(first.get("setting").get("k").asInt()).isEqualTo(20);
        assertThat(first.get("metrics").get("accuracy").get("value").asDouble()).isEqualTo(0.5);
        assertThat(first.get("metrics").get("accuracy").get("ci_lower").asDouble()).isEqualTo(0.25);
        assertThat(first.get("metrics").get("auroc").get("ci_lower").isNull()).isTrue();
        assertThat(first.get("metrics").get("accuracy").get("ci").toString()).isEqualTo("[0.25,0.75]");
        for (String key : new String[] {"command", "config", "model", "dataset", "timings"}) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(csv.get(0)).isEqualTo("protocol,setting,accuracy,accuracy_ci_lower,accuracy_ci_upper,auroc,auroc_ci_lower,auroc_ci_upper");
        assertThat(csv.get(1)).isEqualTo("knn,\"{\"\"k\"\":20}\",0.5,0.25,0.75,0.75,,");
        assertThat(csv).hasSize(4);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<svg").contains("Few-shot").contains("confusion matrix").doesNotContain("http://cdn").doesNotContain("<script");
    }

    @Test
    void rocPointsOfAHandWorkedCase() {
        // scores for class 1: a 0.1, b 0.6, c 0.7, d 0.2; truth a0 b1 c1 d0 → perfect ranking
        Predictions p = new Predictions(new String[] {"a", "b", "c", "d"}, new float[] {0.9f, 0.1f, 0.4f, 0.6f, 0.3f, 0.7f, 0.8f, 0.2f}, 2);
        List<double[]> pts = HtmlReport.rocPoints(p, new int[] {0, 1, 1, 0}, 1);
        assertThat(pts).extracting(x -> x[0] + "," + x[1]).containsExactly("0.0,0.0", "0.0,0.5", "0.0,1.0", "0.5,1.0", "1.0,1.0");
    }
}
