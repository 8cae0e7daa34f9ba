package org.medino.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.MedinoException;
import org.medino.checkpoint.DType;
import org.medino.checkpoint.HostTensor;
import org.medino.checkpoint.KeyLayout;
import org.medino.checkpoint.Safetensors;
import org.medino.checkpoint.StateDictLayouts;
import org.medino.embed.TensorForward;
import org.medino.testing.Fixtures;
import org.medino.testing.Tensors;

/** Every checkpoint layout loads to the same model; every broken checkpoint is refused whole. */
class CheckpointLoadingTest {
    private static final Path VITS = Fixtures.parityModel("vits14-style");
    private static final Path VITG = Fixtures.parityModel("vitg14-reg-style");
    private static NDManager manager;
    private static Map<String, HostTensor> inputs;
    private static Map<String, HostTensor> reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
        inputs = new LinkedHashMap<>(Safetensors.read(VITS.resolve("inputs.safetensors")));
        inputs.keySet().retainAll(java.util.Set.of("native")); // the grid the weights were made for
        reference = outputs(VITS.resolve("official.safetensors"));
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    private static Map<String, HostTensor> outputs(Path checkpoint) {
        try (LoadedBackbone b = Backbones.load(checkpoint, Backbones.Options.DEFAULTS, manager)) {
            return TensorForward.run(b.model(), inputs, 2, false);
        }
    }

    private static void assertSameOutputs(Map<String, HostTensor> actual, double tolerance) {
        assertThat(actual.keySet()).isEqualTo(reference.keySet());
        actual.forEach((k, v) -> assertThat(Tensors.maxAbsDiff(v.toFloats(), reference.get(k).toFloats()))
                .as(k).isLessThanOrEqualTo(tolerance));
    }

    private Path officialWith(Map<String, HostTensor> tensors) throws IOException {
        Path file = dir.resolve("variant.safetensors");
        Safetensors.write(file, tensors, Map.of());
        Files.copy(VITS.resolve("about.json"), dir.resolve("about.json"));
        return file;
    }

    private static Map<String, HostTensor> official() {
        return new LinkedHashMap<>(Safetensors.read(VITS.resolve("official.safetensors")));
    }

    @Test
    void trainingCheckpointWithChunkedBlocksTakesTheTeacherBackbone() throws IOException {
        // made by torch.save in make_checkpoints.py: {"teacher": {"backbone.blocks.C.N.*", "dino_head.*", "ibot_head.*"}}
        Path file = dir.resolve("training-chunked.pth");
        Files.copy(Fixtures.resource("checkpoints/training-chunked.pth"), file);
        Files.copy(VITS.resolve("about.json"), dir.resolve("about.json"));
        try (LoadedBackbone b = Backbones.load(file, Backbones.Options.DEFAULTS, manager)) {
            assertThat(b.layout()).isEqualTo(KeyLayout.OFFICIAL);
            assertThat(b.ignored()).containsExactlyInAnyOrder(
                    "teacher.dino_head.mlp.0.weight", "teacher.dino_head.last_layer.weight_g", "teacher.ibot_head.mlp.0.weight");
            assertSameOutputs(TensorForward.run(b.model(), inputs, 2, false), 0);
        }
    }

    @Test
    void halfAndBfloat16WeightsAreWidenedOnLoad() throws IOException {
        // torch rounded the weights; outputs move by the rounding only
        for (String name : new String[] {"official-fp16.pth", "official-bf16.pth"}) {
            Path file = dir.resolve(name);
            Files.copy(Fixtures.resource("checkpoints/" + name), file);
            Files.copy(VITS.resolve("about.json"), dir.resolve("about.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertSameOutputs(outputs(file), name.contains("bf16") ? 0.1 : 0.01);
        }
    }

    @Test
    void huggingFaceClassifierCheckpointLoadsItsBackbone() throws IOException {
        Map<String, HostTensor> hf = Tensors.renamed(Safetensors.read(VITG.resolve("hf/model.safetensors")), k -> "dinov2." + k);
        hf.put("classifier.weight", HostTensor.ofFloats(new long[] {2, 128}, new float[256]));
        Path folder = Files.createDirectories(dir.resolve("clf"));
        Files.copy(VITG.resolve("hf/config.json"), folder.resolve("config.json"));
        Safetensors.write(folder.resolve("model.safetensors"), hf, Map.of());
        try (LoadedBackbone b = Backbones.load(folder, Backbones.Options.DEFAULTS, manager)) {
            assertThat(b.layout()).isEqualTo(KeyLayout.HUGGING_FACE);
            assertThat(b.ignored()).containsExactly("classifier.weight");
            assertThat(b.config().numRegisters()).isEqualTo(4);
            assertThat(b.config().ffn()).isEqualTo(FfnType.SWIGLU);
        }
    }

    @Test
    void shardedHuggingFaceCheckpointLoads() throws IOException {
        Map<String, HostTensor> all = Safetensors.read(VITS.resolve("hf/model.safetensors"));
        Map<String, HostTensor> first = new LinkedHashMap<>();
        Map<String, HostTensor> second = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("{\"metadata\":{},\"weight_map\":{");
        int i = 0;
        for (Map.Entry<String, HostTensor> e : all.entrySet()) {
            boolean one = i++ % 2 == 0;
            (one ? first : second).put(e.getKey(), e.getValue());
            index.append(i > 1 ? "," : "").append('"').append(e.getKey()).append("\":\"model-0000")
                    .append(one ? 1 : 2).append("-of-00002.safetensors\"");
        }
        index.append("}}");
        Path folder = Files.createDirectories(dir.resolve("sharded"));
        Files.copy(VITS.resolve("hf/config.json"), folder.resolve("config.json"));
        Safetensors.write(folder.resolve("model-00001-of-00002.safetensors"), first, Map.of());
        Safetensors.write(folder.resolve("model-00002-of-00002.safetensors"), second, Map.of());
        Files.writeString(folder.resolve("model.safetensors.index.json"), index);
        Map<String, HostTensor> hfOutputs = outputs(VITS.resolve("hf"));
        try (LoadedBackbone b = Backbones.load(folder, Backbones.Options.DEFAULTS, manager)) {
            Map<String, HostTensor> out = TensorForward.run(b.model(), inputs, 2, false);
            out.forEach((k, v) -> assertThat(Tensors.maxAbsDiff(v.toFloats(), hfOutputs.get(k).toFloats())).as(k).isZero());
        }
        Files.delete(folder.resolve("model-00002-of-00002.safetensors"));
        assertThatThrownBy(() -> Backbones.load(folder, Backbones.Options.DEFAULTS, manager))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("shard 'model-00002-of-00002.safetensors' is missing");
    }

    @Test
    void layersWithoutBiasAreInferredFromTheTensors() throws IOException {
        // a model without projection or feed-forward biases computes what zero biases compute
        Map<String, HostTensor> zeroed = official();
        Map<String, HostTensor> absent = official();
        for (String key : official().keySet()) {
            if (key.matches("blocks\\.\\d+\\.(attn\\.proj|mlp\\.fc[12])\\.bias")) {
                long[] shape = zeroed.get(key).shape();
                zeroed.put(key, HostTensor.ofFloats(shape, new float[(int) HostTensor.numel(shape)]));
                absent.remove(key);
            }
        }
        Map<String, HostTensor> withZeros = outputs(officialWith(zeroed));
        Files.delete(dir.resolve("about.json"));
        Map<String, HostTensor> without;
        try (LoadedBackbone b = Backbones.load(officialWith(absent), Backbones.Options.DEFAULTS, manager)) {
            assertThat(b.config().biases()).isEqualTo(new DinoV2Config.Biases(true, false, false));
            without = TensorForward.run(b.model(), inputs, 2, false);
        }
        withZeros.forEach((k, v) -> assertThat(Tensors.maxAbsDiff(v.toFloats(), without.get(k).toFloats())).as(k).isZero());
    }

    @Test
    void missingKeyIsNamedWithItsShape() throws IOException {
        Map<String, HostTensor> t = official();
        t.remove("blocks.1.attn.qkv.bias");
        assertThatThrownBy(() -> Backbones.load(officialWith(t), Backbones.Options.DEFAULTS, manager))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("variant.safetensors")
                .hasMessageContaining("missing 1 key: blocks.1.attn.qkv.bias (144)");
    }

    @Test
    void unexpectedKeyIsNamed() throws IOException {
        Map<String, HostTensor> t = official();
        t.put("blocks.0.attn.extra", HostTensor.ofFloats(new long[] {3}, new float[3]));
        assertThatThrownBy(() -> Backbones.load(officialWith(t), Backbones.Options.DEFAULTS, manager))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("unexpected 1 key: blocks.0.attn.extra (3)");
    }

    @Test
    void misShapedKeyIsNamedWithBothShapes() throws IOException {
        Map<String, HostTensor> t = official();
        t.put("blocks.2.norm2.weight", HostTensor.ofFloats(new long[] {47}, new float[47]));
        assertThatThrownBy(() -> Backbones.load(officialWith(t), Backbones.Options.DEFAULTS, manager))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("blocks.2.norm2.weight is (47) but the model needs (48)");
    }

    @Test
    void integerWeightsAreRefused() throws IOException {
        Map<String, HostTensor> t = official();
        t.put("norm.bias", new HostTensor(DType.I64, new long[] {48}, ByteBuffer.allocate(48 * 8)));
        assertThatThrownBy(() -> Backbones.load(officialWith(t), Backbones.Options.DEFAULTS, manager))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("not floating point 1 key: norm.bias is I64");
    }

    @Test
    void somethingElseEntirelyIsNotADinoV2() throws IOException {
        Map<String, HostTensor> t = Map.of("conv1.weight", HostTensor.ofFloats(new long[] {2}, new float[2]));
        assertThatThrownBy(() -> Backbones.load(officialWith(t), Backbones.Options.DEFAULTS, manager))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("not a DINOv2 backbone")
                .hasMessageContaining("conv1.weight");
    }

    @Test
    void configThatContradictsTheWeightsIsRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("liar"));
        Files.copy(VITS.resolve("hf/model.safetensors"), folder.resolve("model.safetensors"));
        String config = Files.readString(VITS.resolve("hf/config.json")).replace("\"num_hidden_layers\": 3", "\"num_hidden_layers\": 4");
        Files.writeString(folder.resolve("config.json"), config);
        assertThatThrownBy(() -> Backbones.load(folder, Backbones.Options.DEFAULTS, manager))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("config.json: says num_hidden_layers = 4 but the weights have 3");
    }

    @Test
    void headCountComesFromTheSidecarOrTheCaller() throws IOException {
        Path lone = dir.resolve("lone.safetensors");
        Files.copy(VITS.resolve("official.safetensors"), lone);
        // 48 wide: no public width, not a multiple of 64, nothing beside it
        assertThatThrownBy(() -> Backbones.load(lone, Backbones.Options.DEFAULTS, manager))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("--heads");
        try (LoadedBackbone b = Backbones.load(lone, new Backbones.Options(4, null), manager)) {
            assertThat(b.config().numHeads()).isEqualTo(4);
        }
        Path wide = Files.createDirectories(dir.resolve("g")).resolve("official.safetensors");
        Files.copy(VITG.resolve("official.safetensors"), wide);
        try (LoadedBackbone b = Backbones.load(wide, Backbones.Options.DEFAULTS, manager)) {
            assertThat(b.config().numHeads()).isEqualTo(1); // 64 wide: DINOv2's 64-wide heads, said aloud
            assertThat(b.notes()).singleElement().asString().contains("assuming");
        }
        Files.copy(VITG.resolve("about.json"), wide.resolveSibling("about.json"));
        try (LoadedBackbone b = Backbones.load(wide, Backbones.Options.DEFAULTS, manager)) {
            assertThat(b.config().numHeads()).isEqualTo(4);
            assertThat(b.notes()).isEmpty();
        }
    }

    @Test
    void aFailedLoadLeavesNoParameterSet() {
        Map<String, HostTensor> t = official();
        t.remove("norm.bias");
        DinoV2Config config = new DinoV2Config(14, 3, 48, 3, 4, FfnType.MLP, 192, 0, 7, 1e-6, true, DinoV2Config.Biases.ALL, PosInterpolation.OFFICIAL);
        try (DinoVisionTransformer model = new DinoVisionTransformer(config, manager)) {
            var sd = StateDictLayouts.toOfficial("test", t);
            assertThatThrownBy(() -> StateDictLoader.load(model, sd)).isInstanceOf(MedinoException.class);
            assertThat(model.parameters().values()).noneMatch(Param::isLoaded);
        }
    }

    @Test
    void readsTheSidecarUnderConstructor() throws IOException {
        String about = Files.readString(VITS.resolve("about.json"), StandardCharsets.UTF_8);
        assertThat(about).contains("\"constructor\"");
        try (LoadedBackbone b = Backbones.load(VITS.resolve("official.safetensors"), Backbones.Options.DEFAULTS, manager)) {
            assertThat(b.config().posInterpolation()).isEqualTo(PosInterpolation.OFFICIAL);
        }
        try (LoadedBackbone b = Backbones.load(VITG.resolve("official.safetensors"), Backbones.Options.DEFAULTS, manager)) {
            assertThat(b.config().posInterpolation()).isEqualTo(PosInterpolation.REGISTERS);
        }
    }
}
