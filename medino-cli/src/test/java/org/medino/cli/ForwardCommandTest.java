package org.medino.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;
import org.medino.testing.Fixtures;
import org.medino.testing.Tensors;

class ForwardCommandTest {
    private static final Path VITS = Fixtures.parityModel("vits14-style");
    private static final Path VITG = Fixtures.parityModel("vitg14-reg-style");

    @TempDir
    Path dir;

    @Test
    void writesEveryOutputOfEveryInput() {
        Path out = dir.resolve("out.safetensors");
        CliRun run = CliRun.of("forward", "--model", VITG.resolve("hf").toString(),
                "--tensors", VITG.resolve("inputs.safetensors").toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, HostTensor> got = Safetensors.read(out);
        Map<String, HostTensor> expected = Safetensors.read(VITG.resolve("expected-hf.safetensors"));
        for (String k : expected.keySet()) {
            if (k.contains(".")) {
                assertThat(Tensors.maxAbsDiff(got.get(k).toFloats(), expected.get(k).toFloats())).as(k).isLessThan(1e-4);
            }
        }
        // depth 2: the default of 3 intermediate blocks is capped at 2
        assertThat(got).containsKeys("native.registers", "native.intermediate.1.cls").doesNotContainKey("native.intermediate.2.cls");
    }

    @Test
    void layersAndInterpolationCanBeChosen() {
        Path out = dir.resolve("out.safetensors");
        CliRun run = CliRun.of("forward", "--model", VITS.resolve("official.safetensors").toString(),
                "--tensors", VITS.resolve("inputs.safetensors").toString(), "--out", out.toString(),
                "--layers", "1", "--pos-interp", "hf");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, HostTensor> got = Safetensors.read(out);
        assertThat(got).containsKey("wide.intermediate.0.patch").doesNotContainKey("wide.intermediate.1.patch");
        // the official weights with the Hugging Face rule give the Hugging Face reference numbers
        Map<String, HostTensor> hf = Safetensors.read(VITS.resolve("expected-hf.safetensors"));
        assertThat(Tensors.maxAbsDiff(got.get("wide.patch").toFloats(), hf.get("wide.patch").toFloats())).isLessThan(1e-4);
    }

    @Test
    void paddingIsOnlyDoneWhenAskedFor() {
        Path in = dir.resolve("odd.safetensors");
        Safetensors.write(in, Map.of("x", HostTensor.ofFloats(new long[] {1, 3, 30, 20}, new float[3 * 30 * 20])), Map.of());
        Path out = dir.resolve("out.safetensors");
        String[] base = {"forward", "--model", VITS.resolve("official.safetensors").toString(), "--tensors", in.toString(), "--out", out.toString()};
        CliRun refused = CliRun.of(base);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("30x20, not a multiple of the patch size 14").contains("--pad");
        assertThat(out).doesNotExist();
        String[] padded = java.util.Arrays.copyOf(base, base.length + 1);
        padded[base.length] = "--pad";
        CliRun run = CliRun.of(padded);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Safetensors.read(out).get("x.patch").shape()).containsExactly(1, 6, 48); // 42x28 → 3x2 patches
    }

    @Test
    void badInputIsOneLineAndWritesNothing() throws IOException {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("rank", new long[] {3, 28, 28});
        shapes.put("channels", new long[] {1, 1, 28, 28});
        shapes.put("size", new long[] {1, 3, 28, 27});
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            long[] s = e.getValue();
            Path in = dir.resolve(e.getKey() + ".safetensors");
            Safetensors.write(in, Map.of("x", HostTensor.ofFloats(s, new float[(int) HostTensor.numel(s)])), Map.of());
            assertFailsCleanly(e.getKey(), "forward", "--model", VITS.resolve("official.pth").toString(),
                    "--tensors", in.toString(), "--out", dir.resolve("out.safetensors").toString());
        }
        assertFailsCleanly("missing input", "forward", "--model", VITS.resolve("official.pth").toString(),
                "--tensors", dir.resolve("nope.safetensors").toString(), "--out", dir.resolve("out.safetensors").toString());
        assertFailsCleanly("unknown model", "forward", "--model", "dinov2-huge",
                "--tensors", VITS.resolve("inputs.safetensors").toString(), "--out", dir.resolve("out.safetensors").toString());
        assertFailsCleanly("too many layers", "forward", "--model", VITS.resolve("official.pth").toString(),
                "--tensors", VITS.resolve("inputs.safetensors").toString(), "--out", dir.resolve("out.safetensors").toString(),
                "--layers", "4");
        Path garbage = dir.resolve("garbage.pth");
        Files.write(garbage, new byte[] {'P', 'K', 3, 4, 0, 0, 1});
        assertFailsCleanly("corrupt checkpoint", "forward", "--model", garbage.toString(),
                "--tensors", VITS.resolve("inputs.safetensors").toString(), "--out", dir.resolve("out.safetensors").toString());
    }

    private void assertFailsCleanly(String why, String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(why).isEqualTo(1);
        assertThat(run.err().strip()).as(why).startsWith("medino: error: ").doesNotContain("\n").doesNotContain("Exception");
        assertThat(dir.resolve("out.safetensors")).as(why).doesNotExist();
    }
}
