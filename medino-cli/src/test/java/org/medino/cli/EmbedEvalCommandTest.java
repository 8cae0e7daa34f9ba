package org.medino.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.checkpoint.DType;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.Safetensors;
import org.medino.data.SyntheticRadiographs;
import org.medino.image.NdArray;
import org.medino.image.nifti.NiftiWriter;
import org.medino.testing.Fixtures;

class EmbedEvalCommandTest {
    private static final String MODEL = Fixtures.parityModel("vits14-style").resolve("official.safetensors").toString();

    @TempDir
    Path dir;

    private CliRun embed(Path manifest, Path store, String... extra) {
        String[] base = {"embed", "--model", MODEL, "--data", manifest.toString(), "--out", store.toString(), "--crop", "98", "--resize", "98", "--shard-size", "8"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void aStoreIsWrittenInShardsAndResumesWithoutRecomputing() throws IOException {
        Path manifest = SyntheticRadiographs.write(dir.resolve("data"), 3, 64, 1); // 18 images → 3 shards of 8
        Path store = dir.resolve("store");
        CliRun first = embed(manifest, store);
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(store.resolve("store.json").toFile());
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("samples")).hasSize(18);
        assertThat(json.get("checkpointSha256").asText()).hasSize(64);
        Map<String, HostTensor> shard0 = Safetensors.read(store.resolve("shards/shard-00000.safetensors"));
        assertThat(shard0.get("cls").shape()).containsExactly(8, 3, 48);
        assertThat(shard0.get("patch_mean").shape()).containsExactly(8, 48);

        CliRun again = embed(manifest, store);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("--resume");

        // a run killed after shard 0: shards 1 and 2 missing, a half-written temporary file left behind
        FileTime kept = Files.getLastModifiedTime(store.resolve("shards/shard-00000.safetensors"));
        Files.delete(store.resolve("shards/shard-00001.safetensors"));
        Files.delete(store.resolve("shards/shard-00002.safetensors"));
        Files.write(store.resolve("shards/.shard-00001.safetensors.123.tmp"), new byte[] {1, 2, 3});
        CliRun resumed = embed(manifest, store, "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.getLastModifiedTime(store.resolve("shards/shard-00000.safetensors"))).isEqualTo(kept);
        assertThat(store.resolve("shards/shard-00002.safetensors")).exists();

        CliRun otherRecipe = embed(manifest, store, "--resume", "--intensity", "minmax");
        assertThat(otherRecipe.exitCode()).isEqualTo(1);
        assertThat(otherRecipe.err()).contains("cannot resume");
    }

    @Test
    void volumesGiveSliceFeaturesAndAMeanPooledFeature() throws IOException {
        float[] v = new float[20 * 20 * 5];
        for (int i = 0; i < v.length; i++) v[i] = (i * 37) % 101;
        double[][] affine = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 2, 0}, {0, 0, 0, 1}};
        NiftiWriter.write(dir.resolve("vol.nii.gz"), NdArray.ofFloats(v, 20, 20, 5), affine);
        Files.copy(Fixtures.resource("fixtures/raster/grey8.png"), dir.resolve("flat.png"));
        Files.writeString(dir.resolve("m.csv"), "id,path,label\nvolume,vol.nii.gz,a\nimage,flat.png,b\n");
        CliRun run = embed(dir.resolve("m.csv"), dir.resolve("store"), "--patch-tokens");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, HostTensor> shard = Safetensors.read(dir.resolve("store/shards/shard-00000.safetensors"));
        assertThat(shard.get("patch_tokens").shape()).containsExactly(6, 49, 48); // 98 px crop: a 7x7 grid
        assertThat(shard.get("slice_cls").shape()).containsExactly(6, 3, 48); // 5 slices + 1 image
        float[] rows = shard.get("slice_row").toFloats();
        assertThat(rows).containsExactly(0, 0, 0, 0, 0, 1);
        // the volume's feature is the mean of its slices'
        float[] slices = shard.get("slice_patch_mean").toFloats();
        float[] pooled = shard.get("patch_mean").toFloats();
        for (int k = 0; k < 48; k++) {
            double mean = 0;
            for (int s = 0; s < 5; s++) mean += slices[s * 48 + k];
            assertThat((double) pooled[k]).isCloseTo(mean / 5, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void knnOnPlainFeatureFilesOfTwoClusters() throws IOException {
        // class 0 around (1, 0), class 1 around (0, 1): every test point's neighbours are its own class
        Path train = dir.resolve("train.safetensors");
        Path test = dir.resolve("test.safetensors");
        writeFeatures(train, new float[] {1, 0.1f, 0.9f, 0, 1, 0.05f, 0, 1, 0.1f, 0.9f, 0.05f, 1}, new long[] {0, 0, 0, 1, 1, 1});
        writeFeatures(test, new float[] {0.95f, 0.02f, 0.03f, 0.97f}, new long[] {0, 1});
        Path out = dir.resolve("res");
        CliRun run = CliRun.of("eval", "knn", "--train", train.toString(), "--test", test.toString(), "--k", "1,3", "--out", out.toString(), "--bootstrap", "50");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("results");
        assertThat(r).hasSize(2);
        assertThat(r.get(0).get("setting").get("k").asInt()).isEqualTo(1);
        assertThat(r.get(0).get("metrics").get("accuracy").get("value").asDouble()).isEqualTo(1.0);
        assertThat(r.get(1).get("metrics").get("auroc").get("value").asDouble()).isEqualTo(1.0);
        assertThat(r.get(0).get("metrics").has("mcc")).isTrue();

        Path onlyZeros = dir.resolve("zeros.safetensors");
        writeFeatures(onlyZeros, new float[] {1, 0.1f, 0.9f, 0}, new long[] {0, 0});
        CliRun absent = CliRun.of("eval", "logreg", "--train", onlyZeros.toString(), "--test", test.toString());
        assertThat(absent.exitCode()).isEqualTo(1);
        assertThat(absent.err()).contains("class 1 appears here but never in the training data");

        Path narrow = dir.resolve("narrow.safetensors");
        writeFeatures(narrow, new float[] {1, 0}, new long[] {0, 1});
        CliRun width = CliRun.of("eval", "knn", "--train", train.toString(), "--test", narrow.toString());
        assertThat(width.exitCode()).isEqualTo(1);
        assertThat(width.err()).contains("features are 1 wide");

        CliRun wrongKind = CliRun.of("eval", "mlknn", "--train", train.toString(), "--test", test.toString());
        assertThat(wrongKind.exitCode()).isEqualTo(1);
        assertThat(wrongKind.err()).contains("multi-label");
    }

    @Test
    void storesMadeDifferentlyAreNotCompared() throws IOException {
        Path manifest = SyntheticRadiographs.write(dir.resolve("data"), 5, 64, 1);
        assertThat(embed(manifest, dir.resolve("a")).exitCode()).isZero();
        assertThat(embed(manifest, dir.resolve("b"), "--intensity", "minmax").exitCode()).isZero();
        CliRun run = CliRun.of("eval", "knn", "--train", dir.resolve("a").toString(), "--test", dir.resolve("b").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("different models or preprocessing");
    }

    private static void writeFeatures(Path file, float[] x, long[] labels) {
        Map<String, HostTensor> t = new LinkedHashMap<>();
        t.put("features", HostTensor.ofFloats(new long[] {labels.length, x.length / labels.length}, x));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(labels.length * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (long l : labels) b.putLong(l);
        b.flip();
        t.put("labels", new HostTensor(DType.I64, new long[] {labels.length}, b));
        Safetensors.write(file, t, Map.of());
    }
}
