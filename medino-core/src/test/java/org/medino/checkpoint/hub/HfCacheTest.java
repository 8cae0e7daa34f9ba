package org.medino.checkpoint.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfCacheTest {

    private static final String REPO = "facebook/dinov2-base";
    private static final String COMMIT = "f9e44c814b77203eaa57a6bdbbd535f21ede1415";
    private static final String INDEX = """
            {"weight_map": {"a": "model-00001-of-00002.safetensors", "b": "model-00002-of-00002.safetensors"}}""";

    @TempDir
    Path root;

    private HfCache cache;
    private Path repo;
    private Path snapshot;

    @BeforeEach
    void setUp() {
        cache = new HfCache(root);
        repo = root.resolve("models--facebook--dinov2-base");
        snapshot = repo.resolve("snapshots").resolve(COMMIT);
    }

    @Test
    void repoFolderFollowsHuggingfaceHubsNaming() {
        assertThat(cache.repoFolder(REPO)).isEqualTo(repo);
        assertThat(cache.repoFolder("gpt2")).isEqualTo(root.resolve("models--gpt2"));
    }

    @Test
    void branchIsResolvedThroughRefsAndCommitDirectly() throws IOException {
        link("config.json", "{}");
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), COMMIT + "\n");

        assertThat(cache.snapshot(REPO, "main")).contains(snapshot);
        assertThat(cache.snapshot(REPO, COMMIT)).contains(snapshot);
        assertThat(cache.snapshot(REPO, "dev")).isEmpty();
        assertThat(cache.snapshot(REPO, "0000000000000000000000000000000000000000")).isEmpty();
        assertThat(cache.file(REPO, "main", "config.json")).contains(snapshot.resolve("config.json"));
        assertThat(cache.file(REPO, "main", "missing.json")).isEmpty();
    }

    @Test
    void refWithoutACommitHashIsIgnored() throws IOException {
        link("config.json", "{}");
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), "../../elsewhere");

        assertThat(cache.snapshot(REPO, "main")).isEmpty();
    }

    @Test
    void fileInASubfolderLinksThreeLevelsUp() throws IOException {
        link("onnx/model.onnx", "onnx bytes");

        assertThat(Files.readSymbolicLink(snapshot.resolve("onnx/model.onnx")))
                .isEqualTo(Path.of("..", "..", "..", "blobs", "onnx-bytes-etag"));
        assertThat(cache.file(REPO, COMMIT, "onnx/model.onnx")).hasValueSatisfying(
                p -> assertThat(p).hasContent("onnx bytes"));
    }

    @Test
    void symlinkWhoseBlobIsGoneCountsAsAbsent() throws IOException {
        link("config.json", "{}");
        link("model.safetensors", "weights");
        Files.delete(repo.resolve("blobs/weights-etag"));

        assertThat(cache.file(REPO, COMMIT, "model.safetensors")).isEmpty();
        assertThat(cache.safetensorsModel(REPO, COMMIT)).isEmpty();
    }

    @Test
    void singleFileModelIsComplete() throws IOException {
        link("config.json", "{}");
        assertThat(cache.safetensorsModel(REPO, COMMIT)).isEmpty();

        link("model.safetensors", "weights");
        assertThat(cache.safetensorsModel(REPO, COMMIT)).contains(snapshot);
    }

    @Test
    void shardedModelIsCompleteOnlyWithEveryShard() throws IOException {
        link("config.json", "{}");
        link("model.safetensors.index.json", INDEX);
        link("model-00001-of-00002.safetensors", "shard 1");
        assertThat(cache.safetensorsModel(REPO, COMMIT)).isEmpty();

        link("model-00002-of-00002.safetensors", "shard 2");
        assertThat(cache.safetensorsModel(REPO, COMMIT)).contains(snapshot);
    }

    @Test
    void windowsStyleCopiesInsteadOfSymlinksWork() throws IOException {
        copy("config.json", "{}");
        copy("model.safetensors.index.json", INDEX);
        copy("model-00001-of-00002.safetensors", "shard 1");
        copy("model-00002-of-00002.safetensors", "shard 2");
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), COMMIT);

        assertThat(cache.safetensorsModel(REPO, "main")).contains(snapshot);
    }

    @Test
    void writeRefReplacesTheOldCommitAndLeavesNoTemporaryFile() throws IOException {
        cache.writeRef(REPO, "main", "0000000000000000000000000000000000000000");
        cache.writeRef(REPO, "main", COMMIT);

        assertThat(Files.readString(repo.resolve("refs/main"))).isEqualTo(COMMIT);
        try (var refs = Files.list(repo.resolve("refs"))) {
            assertThat(refs).containsExactly(repo.resolve("refs/main"));
        }
    }

    /** As huggingface_hub does: the blob under an ETag, and a relative symlink from the snapshot. */
    private void link(String filename, String content) throws IOException {
        Path blob = repo.resolve("blobs").resolve(content.replaceAll("\\W", "-") + "-etag");
        Files.createDirectories(blob.getParent());
        Files.writeString(blob, content, StandardCharsets.UTF_8);
        Path pointer = snapshot.resolve(filename);
        Files.createDirectories(pointer.getParent());
        Files.createSymbolicLink(pointer, pointer.getParent().relativize(blob));
    }

    /** As huggingface_hub does where symlinks are not available: the real file in the snapshot. */
    private void copy(String filename, String content) throws IOException {
        Path file = snapshot.resolve(filename);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
