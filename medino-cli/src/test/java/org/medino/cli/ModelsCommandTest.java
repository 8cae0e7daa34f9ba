package org.medino.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.checkpoint.hub.FakeHub;
import org.medino.testing.Fixtures;

/**
 * {@code models pull}, {@code models list} and {@code forward --model NAME} end to end, in a child
 * process whose environment points HF_ENDPOINT at a fake hub on 127.0.0.1 and HF_HUB_CACHE at a
 * temporary folder, as a user's shell would.
 */
class ModelsCommandTest {
    private static final Path VITS = Fixtures.parityModel("vits14-style");

    @TempDir
    Path dir;

    @Test
    void pullListAndRunFromTheCache() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            // the small parity model stands in for the real repository's files
            hub.put("facebook/dinov2-small", "config.json", Files.readAllBytes(VITS.resolve("hf/config.json")), false);
            hub.put("facebook/dinov2-small", "model.safetensors", Files.readAllBytes(VITS.resolve("hf/model.safetensors")), true);
            Map<String, String> env = Map.of("HF_ENDPOINT", hub.url(), "HF_HUB_CACHE", dir.resolve("hub").toString());

            Run before = medino(env, "models", "list");
            assertThat(before.code()).as(before.err()).isZero();
            assertThat(line(before.out(), "dinov2-small ")).contains("facebook/dinov2-small").contains(" no ");

            Run pull = medino(env, "models", "pull", "dinov2-small");
            assertThat(pull.code()).as(pull.err()).isZero();
            assertThat(pull.out()).contains("dinov2-small is ready");
            assertThat(dir.resolve("hub/models--facebook--dinov2-small/refs/main")).exists();

            Run after = medino(env, "models", "list");
            assertThat(line(after.out(), "dinov2-small ")).contains(" yes ");
            assertThat(line(after.out(), "rad-dino ")).contains("microsoft/rad-dino").contains(" 518 ").contains(" no ");

            int served = hub.requests().size();
            Path out = dir.resolve("out.safetensors");
            Map<String, String> offline = Map.of("HF_HUB_OFFLINE", "1", "HF_HUB_CACHE", dir.resolve("hub").toString());
            Run forward = medino(offline, "forward", "--model", "dinov2-small",
                    "--tensors", VITS.resolve("inputs.safetensors").toString(), "--out", out.toString());
            assertThat(forward.code()).as(forward.err()).isZero();
            assertThat(out).exists();
            assertThat(hub.requests()).hasSize(served); // used from the cache, no request
        }
    }

    @Test
    void missingModelSaysHowToGetIt() throws Exception {
        Map<String, String> env = Map.of("HF_HUB_OFFLINE", "1", "HF_HUB_CACHE", dir.resolve("empty").toString());
        Run forward = medino(env, "forward", "--model", "rad-dino",
                "--tensors", VITS.resolve("inputs.safetensors").toString(), "--out", dir.resolve("o.safetensors").toString());
        assertThat(forward.code()).isEqualTo(1);
        assertThat(forward.err().strip()).startsWith("medino: error: ").contains("medino models pull rad-dino").doesNotContain("\n");
        Run pull = medino(env, "models", "pull", "rad-dino");
        assertThat(pull.code()).isEqualTo(1);
        assertThat(pull.err().strip()).startsWith("medino: error: ").doesNotContain("\n");
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(text));
    }

    private record Run(int code, String out, String err) {}

    private Run medino(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("HF_") || k.startsWith("HUGGINGFACE_"));
        builder.environment().putAll(env);
        Path outFile = Files.createTempFile(dir, "out", ".txt");
        Path errFile = Files.createTempFile(dir, "err", ".txt");
        Process p = builder.redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("medino " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8), Files.readString(errFile, StandardCharsets.UTF_8));
    }
}
