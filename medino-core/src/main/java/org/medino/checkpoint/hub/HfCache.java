package org.medino.checkpoint.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.medino.MedinoException;

/**
 * The huggingface_hub cache layout, shared with Python tools:
 *
 * <pre>
 * {root}/models--{org}--{name}/
 *     blobs/{etag}                    file contents, named by their ETag (sha256 for LFS, git sha1 otherwise)
 *     snapshots/{commit}/{path}       relative symlinks to ../../blobs/{etag} (real files where symlinks fail)
 *     refs/{revision}                 the commit hash a branch or tag pointed to when last resolved
 * </pre>
 */
public final class HfCache {

    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.safetensors";
    static final String WEIGHTS_INDEX = "model.safetensors.index.json";

    private final Path root;

    public HfCache(Path root) {
        // Absolute, so that the relative symlink between a snapshot and its blob can always be computed.
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** models--{org}--{name}: huggingface_hub's folder for a model repo. */
    public Path repoFolder(String repoId) {
        HubNames.checkRepoId(repoId);
        return root.resolve("models--" + repoId.replace("/", "--"));
    }

    /** The snapshot directory of a revision: a commit hash directly, a branch or tag through refs/. */
    public Optional<Path> snapshot(String repoId, String revision) {
        HubNames.checkRevision(revision);
        Path repo = repoFolder(repoId);
        Optional<String> commit = HubNames.isCommitHash(revision)
                ? Optional.of(revision)
                : readRef(repo.resolve("refs").resolve(revision));
        return commit.map(c -> repo.resolve("snapshots").resolve(c)).filter(Files::isDirectory);
    }

    /** A file of a revision's snapshot; a dangling symlink (blob deleted) counts as absent. */
    public Optional<Path> file(String repoId, String revision, String filename) {
        HubNames.checkFilename(filename, repoId);
        return snapshot(repoId, revision).map(s -> s.resolve(filename)).filter(Files::isRegularFile);
    }

    /** The snapshot directory of a revision if it holds a complete safetensors model. */
    public Optional<Path> safetensorsModel(String repoId, String revision) {
        return snapshot(repoId, revision).filter(HfCache::isSafetensorsModel);
    }

    /** config.json and either model.safetensors or an index whose shards are all there. */
    public static boolean isSafetensorsModel(Path snapshotDir) {
        if (!Files.isRegularFile(snapshotDir.resolve(CONFIG))) {
            return false;
        }
        if (Files.isRegularFile(snapshotDir.resolve(WEIGHTS))) {
            return true;
        }
        Path index = snapshotDir.resolve(WEIGHTS_INDEX);
        return Files.isRegularFile(index)
                && SafetensorsIndex.shards(index).stream().allMatch(s -> Files.isRegularFile(snapshotDir.resolve(s)));
    }

    Path blobPath(String repoId, String etag) {
        return repoFolder(repoId).resolve("blobs").resolve(etag);
    }

    Path pointerPath(String repoId, String commit, String filename) {
        return repoFolder(repoId).resolve("snapshots").resolve(commit).resolve(filename);
    }

    Path snapshotPath(String repoId, String commit) {
        return repoFolder(repoId).resolve("snapshots").resolve(commit);
    }

    /**
     * Points a snapshot file at its blob with a relative symlink, so the cache survives being moved.
     * Where symlinks cannot be made (Windows without developer mode), huggingface_hub keeps the real
     * file in the snapshot instead: a blob just downloaded is moved there, a shared one is copied.
     */
    void link(Path blob, Path pointer, boolean newBlob) {
        try {
            Files.createDirectories(pointer.getParent());
            Files.deleteIfExists(pointer);
            try {
                Files.createSymbolicLink(pointer, pointer.getParent().relativize(blob));
            } catch (UnsupportedOperationException | IOException e) {
                if (newBlob) {
                    Files.move(blob, pointer);
                } else {
                    Files.copy(blob, pointer);
                }
            }
        } catch (IOException e) {
            throw cannotWrite(pointer, e);
        }
    }

    /** Records which commit a branch or tag names; atomic so a concurrent reader never sees half a hash. */
    void writeRef(String repoId, String revision, String commit) {
        Path ref = repoFolder(repoId).resolve("refs").resolve(revision);
        // Rewriting an unchanged ref would fail needlessly on a read-only shared cache.
        if (readRef(ref).filter(commit::equals).isPresent()) {
            return;
        }
        try {
            Files.createDirectories(ref.getParent());
            Path tmp = Files.createTempFile(ref.getParent(), ref.getFileName() + ".", ".tmp");
            Files.writeString(tmp, commit, StandardCharsets.US_ASCII);
            moveReplacing(tmp, ref);
        } catch (IOException e) {
            throw cannotWrite(ref, e);
        }
    }

    /** Atomic where the file system allows it, which it does within one directory on all usual ones. */
    static void moveReplacing(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static MedinoException cannotWrite(Path path, IOException e) {
        return new MedinoException("cannot write to the Hugging Face cache at " + path + ": " + e);
    }

    /** A ref is only trusted if it holds a commit hash: it becomes a directory name. */
    private static Optional<String> readRef(Path ref) {
        if (!Files.isRegularFile(ref)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(ref, StandardCharsets.US_ASCII).strip()).filter(HubNames::isCommitHash);
        } catch (IOException e) {
            throw new MedinoException(ref + ": cannot read this Hugging Face cache ref: " + e);
        }
    }
}
