package org.medino.checkpoint.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medino.MedinoException;

class HubClientTest {

    private static final String REPO = "facebook/dinov2-small";
    private static final byte[] CONFIG = "{\"model_type\": \"dinov2\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PREPROCESSOR = "{\"crop_size\": 224}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WEIGHTS = randomBytes(300_000, 1);

    @TempDir
    Path tmp;

    private FakeHub hub;
    private Path cacheRoot;
    private Path repoDir;

    @BeforeEach
    void startHub() throws IOException {
        hub = new FakeHub();
        hub.put(REPO, "config.json", CONFIG, false)
                .put(REPO, "preprocessor_config.json", PREPROCESSOR, false)
                .put(REPO, "model.safetensors", WEIGHTS, true);
        cacheRoot = tmp.resolve("cache");
        repoDir = cacheRoot.resolve("models--facebook--dinov2-small");
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void freshPullFillsBlobsSnapshotsAndRefsLikeHuggingfaceHub() throws IOException {
        Path snapshot = client(Map.of()).pullSafetensorsModel(REPO, "main", ProgressListener.NONE);

        assertThat(snapshot).isEqualTo(repoDir.resolve("snapshots").resolve(FakeHub.COMMIT));
        assertThat(Files.readString(repoDir.resolve("refs/main"))).isEqualTo(FakeHub.COMMIT);
        assertLinkedToBlob(snapshot.resolve("config.json"), FakeHub.gitSha1(CONFIG), CONFIG);
        assertLinkedToBlob(snapshot.resolve("preprocessor_config.json"), FakeHub.gitSha1(PREPROCESSOR), PREPROCESSOR);
        assertLinkedToBlob(snapshot.resolve("model.safetensors"), FakeHub.sha256(WEIGHTS), WEIGHTS);
        try (var blobs = Files.list(repoDir.resolve("blobs"))) {
            assertThat(blobs.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".incomplete"));
        }
        assertThat(hub.requests()).allSatisfy(r -> assertThat(r.header("User-Agent")).isEqualTo("medino/0.1"));
    }

    @Test
    void firstFileIsAskedForByBranchAndTheOthersByItsCommit() {
        client(Map.of()).pullSafetensorsModel(REPO, "main", ProgressListener.NONE);

        assertThat(paths("HEAD")).containsExactly(
                "/facebook/dinov2-small/resolve/main/config.json",
                "/facebook/dinov2-small/resolve/" + FakeHub.COMMIT + "/model.safetensors.index.json",
                "/facebook/dinov2-small/resolve/" + FakeHub.COMMIT + "/model.safetensors",
                "/facebook/dinov2-small/resolve/" + FakeHub.COMMIT + "/preprocessor_config.json");
        assertThat(paths("GET")).containsExactly(
                "/facebook/dinov2-small/resolve/main/config.json",
                "/cdn/" + FakeHub.sha256(WEIGHTS),
                "/facebook/dinov2-small/resolve/" + FakeHub.COMMIT + "/preprocessor_config.json");
    }

    @Test
    void secondPullMakesNoRequest() {
        HubClient client = client(Map.of());
        Path first = client.pullSafetensorsModel(REPO, "main", ProgressListener.NONE);
        hub.clearRequests();

        assertThat(client.pullSafetensorsModel(REPO, "main", ProgressListener.NONE)).isEqualTo(first);
        assertThat(client.pullSafetensorsModel(REPO, FakeHub.COMMIT, ProgressListener.NONE)).isEqualTo(first);
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void modelCachedByHuggingfaceHubIsUsedWithoutAnyRequest() throws IOException {
        String commit = "abcdefabcdefabcdefabcdefabcdefabcdefabcd";
        Path snapshot = repoDir.resolve("snapshots").resolve(commit);
        writeBlobAndLink(snapshot, "config.json", CONFIG);
        writeBlobAndLink(snapshot, "model.safetensors", WEIGHTS);
        Files.createDirectories(repoDir.resolve("refs"));
        Files.writeString(repoDir.resolve("refs/main"), commit);

        Path result = client(Map.of()).pullSafetensorsModel(REPO, "main", ProgressListener.NONE);

        assertThat(result).isEqualTo(snapshot);
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void resumesAnIncompleteDownloadWithARangeRequest() throws IOException {
        String sha = FakeHub.sha256(WEIGHTS);
        Files.createDirectories(repoDir.resolve("blobs"));
        Files.write(repoDir.resolve("blobs").resolve(sha + ".incomplete"), Arrays.copyOf(WEIGHTS, 100_000));
        List<Long> progress = new ArrayList<>();

        Path snapshot = client(Map.of()).pullSafetensorsModel(REPO, "main", (file, done, total) -> {
            if (file.equals("model.safetensors")) {
                progress.add(done);
                assertThat(total).isEqualTo(WEIGHTS.length);
            }
        });

        FakeHub.Request get = cdnGet(hub, sha);
        assertThat(get.header("Range")).isEqualTo("bytes=100000-");
        assertThat(progress.get(0)).isEqualTo(100_000L);
        assertThat(progress.get(progress.size() - 1)).isEqualTo((long) WEIGHTS.length);
        assertThat(Files.readAllBytes(snapshot.resolve("model.safetensors"))).isEqualTo(WEIGHTS);
        assertThat(repoDir.resolve("blobs").resolve(sha + ".incomplete")).doesNotExist();
    }

    @Test
    void completeIncompleteFileIsVerifiedWithoutDownloadingAgain() throws IOException {
        String sha = FakeHub.sha256(WEIGHTS);
        writePartial(sha, WEIGHTS);

        Path snapshot = client(Map.of()).pullSafetensorsModel(REPO, "main", ProgressListener.NONE);

        assertThat(paths("GET")).doesNotContain("/cdn/" + sha);
        assertThat(Files.readAllBytes(snapshot.resolve("model.safetensors"))).isEqualTo(WEIGHTS);
    }

    @Test
    void blobOfAnotherRevisionIsLinkedInsteadOfDownloaded() throws IOException {
        String sha = FakeHub.sha256(WEIGHTS);
        Files.createDirectories(repoDir.resolve("blobs"));
        Files.write(repoDir.resolve("blobs").resolve(sha), WEIGHTS);

        Path snapshot = client(Map.of()).pullSafetensorsModel(REPO, "main", ProgressListener.NONE);

        assertThat(paths("GET")).doesNotContain("/cdn/" + sha);
        assertLinkedToBlob(snapshot.resolve("model.safetensors"), sha, WEIGHTS);
    }

    @Test
    void startsOverWhenTheServerIgnoresTheRange() throws IOException {
        hub.rangeMode(FakeHub.RangeMode.IGNORE);
        writePartial(FakeHub.sha256(WEIGHTS), Arrays.copyOf(WEIGHTS, 50_000));

        Path snapshot = client(Map.of()).pullSafetensorsModel(REPO, "main", ProgressListener.NONE);

        assertThat(Files.readAllBytes(snapshot.resolve("model.safetensors"))).isEqualTo(WEIGHTS);
    }

    @Test
    void startsOverWhenTheServerRefusesTheRange() throws IOException {
        hub.rangeMode(FakeHub.RangeMode.REFUSE);
        String sha = FakeHub.sha256(WEIGHTS);
        writePartial(sha, "not a prefix".getBytes(StandardCharsets.US_ASCII));

        Path snapshot = client(Map.of()).pullSafetensorsModel(REPO, "main", ProgressListener.NONE);

        assertThat(Files.readAllBytes(snapshot.resolve("model.safetensors"))).isEqualTo(WEIGHTS);
        assertThat(paths("GET")).filteredOn(p -> p.startsWith("/cdn/")).hasSize(2);
    }

    @Test
    void corruptLfsContentFailsAndLeavesNothingInTheSnapshot() {
        hub.corrupt(WEIGHTS);

        assertThatThrownBy(() -> client(Map.of()).pullSafetensorsModel(REPO, "main", ProgressListener.NONE))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("facebook/dinov2-small/model.safetensors")
                .hasMessageContaining("corrupt")
                .hasMessageContaining("SHA-256");
        Path snapshot = repoDir.resolve("snapshots").resolve(FakeHub.COMMIT);
        assertThat(snapshot.resolve("model.safetensors")).doesNotExist();
        assertThat(repoDir.resolve("blobs").resolve(FakeHub.sha256(WEIGHTS))).doesNotExist();
        assertThat(repoDir.resolve("blobs").resolve(FakeHub.sha256(WEIGHTS) + ".incomplete")).doesNotExist();
        assertThat(repoDir.resolve("refs/main")).doesNotExist();
    }

    @Test
    void corruptGitFileFailsOnItsBlobSha1() {
        hub.corrupt(CONFIG);

        assertThatThrownBy(() -> client(Map.of()).pullSafetensorsModel(REPO, "main", ProgressListener.NONE))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("facebook/dinov2-small/config.json")
                .hasMessageContaining("SHA-1");
        assertThat(repoDir.resolve("snapshots").resolve(FakeHub.COMMIT).resolve("config.json")).doesNotExist();
    }

    @Test
    void pullsEveryShardOfAShardedModel() throws IOException {
        String repo = "org/sharded";
        byte[] shard1 = randomBytes(70_000, 2);
        byte[] shard2 = randomBytes(90_000, 3);
        String index = """
                {"metadata": {"total_size": 160000}, "weight_map": {
                  "a.weight": "model-00001-of-00002.safetensors",
                  "b.weight": "model-00002-of-00002.safetensors",
                  "c.weight": "model-00001-of-00002.safetensors"}}""";
        hub.put(repo, "config.json", CONFIG, false)
                .put(repo, "model.safetensors.index.json", index.getBytes(StandardCharsets.UTF_8), false)
                .put(repo, "model-00001-of-00002.safetensors", shard1, true)
                .put(repo, "model-00002-of-00002.safetensors", shard2, true);

        Path snapshot = client(Map.of()).pullSafetensorsModel(repo, "main", ProgressListener.NONE);

        assertThat(Files.readAllBytes(snapshot.resolve("model-00001-of-00002.safetensors"))).isEqualTo(shard1);
        assertThat(Files.readAllBytes(snapshot.resolve("model-00002-of-00002.safetensors"))).isEqualTo(shard2);
        assertThat(snapshot.resolve("model.safetensors")).doesNotExist();
        assertThat(snapshot.resolve("preprocessor_config.json")).doesNotExist();
        assertThat(HfCache.isSafetensorsModel(snapshot)).isTrue();
        assertThat(hub.requests()).noneMatch(r -> r.rawPath().endsWith("/model.safetensors"));
    }

    @Test
    void tokenGoesToTheHubButNotToAForeignRedirectHost() throws IOException {
        try (FakeHub cdn = new FakeHub()) {
            hub.useCdn(cdn);
            hub.requireToken("hf_secret");

            Path snapshot = client(Map.of("HF_TOKEN", "hf_secret"))
                    .pullSafetensorsModel(REPO, "main", ProgressListener.NONE);

            assertThat(Files.readAllBytes(snapshot.resolve("model.safetensors"))).isEqualTo(WEIGHTS);
            assertThat(hub.requests()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer hf_secret"));
            assertThat(cdn.requests()).hasSize(1)
                    .allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
        }
    }

    @Test
    void unauthorizedSaysTheRepoMayBeGatedOrPrivateAndNamesHfToken() {
        hub.requireToken("hf_secret");

        assertThatThrownBy(() -> client(Map.of()).pullSafetensorsModel(REPO, "main", ProgressListener.NONE))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("facebook/dinov2-small/config.json")
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("gated or private")
                .hasMessageContaining("set HF_TOKEN")
                .hasMessageNotContaining("\n");
    }

    @Test
    void renamedRepoIsFollowedThroughItsRelativeRedirect() throws IOException {
        hub.rename("facebook/old-name", REPO);

        Path snapshot = client(Map.of()).pullSafetensorsModel("facebook/old-name", "main", ProgressListener.NONE);

        assertThat(snapshot).startsWith(cacheRoot.resolve("models--facebook--old-name"));
        assertThat(Files.readAllBytes(snapshot.resolve("config.json"))).isEqualTo(CONFIG);
        assertThat(paths("GET")).contains("/facebook/dinov2-small/resolve/main/config.json");
    }

    @Test
    void unknownRepoIsReportedAsNotFound() {
        assertThatThrownBy(() -> client(Map.of()).pullSafetensorsModel("nobody/nothing", "main", ProgressListener.NONE))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("nobody/nothing/config.json")
                .hasMessageContaining("no such repo");
    }

    @Test
    void unknownRevisionIsReportedAsNotFound() {
        assertThatThrownBy(() -> client(Map.of()).pullSafetensorsModel(REPO, "v9", ProgressListener.NONE))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining("revision v9")
                .hasMessageContaining("no such revision");
    }

    @Test
    void revisionIsUrlEncodedAndItsRefKeepsItsSlashes() throws IOException {
        client(Map.of()).pullSafetensorsModel(REPO, "refs/pr/1", ProgressListener.NONE);

        assertThat(paths("HEAD").get(0)).isEqualTo("/facebook/dinov2-small/resolve/refs%2Fpr%2F1/config.json");
        assertThat(Files.readString(repoDir.resolve("refs/refs/pr/1"))).isEqualTo(FakeHub.COMMIT);
    }

    @Test
    void aCommitRevisionWritesNoRef() {
        Path snapshot = client(Map.of()).pullSafetensorsModel(REPO, FakeHub.COMMIT, ProgressListener.NONE);

        assertThat(HfCache.isSafetensorsModel(snapshot)).isTrue();
        assertThat(repoDir.resolve("refs")).doesNotExist();
    }

    @Test
    void offlineModeUsesACompleteCachedModelWithoutTheNetwork() {
        Path online = client(Map.of()).pullSafetensorsModel(REPO, "main", ProgressListener.NONE);
        hub.clearRequests();

        Path offline = client(Map.of("HF_HUB_OFFLINE", "1", "HF_ENDPOINT", closedPortUrl()))
                .pullSafetensorsModel(REPO, "main", ProgressListener.NONE);

        assertThat(offline).isEqualTo(online);
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void offlineModeWithoutACachedModelFailsWithoutTheNetwork() {
        assertThatThrownBy(() -> client(Map.of("HF_HUB_OFFLINE", "yes"))
                .pullSafetensorsModel(REPO, "main", ProgressListener.NONE))
                .isInstanceOf(MedinoException.class)
                .hasMessageContaining(REPO)
                .hasMessageContaining("not in the cache")
                .hasMessageContaining("offline mode is on (HF_HUB_OFFLINE)");
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void refusedConnectionNamesTheEndpointAndOfflineMode() {
        String endpoint = closedPortUrl();

        assertThatThrownBy(() -> client(Map.of("HF_ENDPOINT", endpoint))
                .pullSafetensorsModel(REPO, "main", ProgressListener.NONE))
                .isInstanceOf(MedinoException.class)
                .hasMessageStartingWith("cannot reach " + endpoint + " (connection refused)")
                .hasMessageContaining("HF_HUB_OFFLINE=1")
                .hasMessageNotContaining("\n");
    }

    private HubClient client(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("HF_ENDPOINT", hub.url() + "/");
        env.put("HF_HUB_CACHE", cacheRoot.toString());
        env.putAll(extra);
        return new HubClient(HfEnvironment.from(env, tmp.resolve("home")));
    }

    private List<String> paths(String method) {
        return hub.requests().stream().filter(r -> r.method().equals(method)).map(FakeHub.Request::rawPath).toList();
    }

    private static FakeHub.Request cdnGet(FakeHub server, String sha) {
        return server.requests().stream()
                .filter(r -> r.method().equals("GET") && r.rawPath().equals("/cdn/" + sha))
                .findFirst().orElseThrow();
    }

    private void assertLinkedToBlob(Path pointer, String etag, byte[] content) throws IOException {
        assertThat(Files.isSymbolicLink(pointer)).as("%s is a symlink", pointer).isTrue();
        assertThat(Files.readSymbolicLink(pointer)).isEqualTo(Path.of("..", "..", "blobs", etag));
        assertThat(Files.readAllBytes(repoDir.resolve("blobs").resolve(etag))).isEqualTo(content);
    }

    /** What huggingface_hub writes: the blob under its ETag and a relative symlink to it. */
    private void writeBlobAndLink(Path snapshot, String filename, byte[] content) throws IOException {
        String etag = FakeHub.sha256(content);
        Files.createDirectories(repoDir.resolve("blobs"));
        Files.write(repoDir.resolve("blobs").resolve(etag), content);
        Files.createDirectories(snapshot);
        Files.createSymbolicLink(snapshot.resolve(filename), Path.of("..", "..", "blobs", etag));
    }

    private void writePartial(String etag, byte[] bytes) throws IOException {
        Files.createDirectories(repoDir.resolve("blobs"));
        Files.write(repoDir.resolve("blobs").resolve(etag + ".incomplete"), bytes);
    }

    private static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
