package org.medino.checkpoint.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.medino.MedinoException;

/**
 * Downloads models from a Hugging Face hub into the huggingface_hub cache, the way
 * hf_hub_download does, so that medino and Python tools share what they download.
 */
public final class HubClient {

    private static final String PREPROCESSOR_CONFIG = "preprocessor_config.json";

    private final HfEnvironment env;
    private final HfCache cache;
    private final HubHttp http;
    private final BlobDownload blobs;

    public HubClient(HfEnvironment env) {
        this.env = env;
        this.cache = new HfCache(env.hubCache());
        this.http = new HubHttp(env);
        this.blobs = new BlobDownload(http);
    }

    public HfCache cache() {
        return cache;
    }

    /**
     * Makes sure the cache holds a safetensors model (config.json, then the weights: the shards of
     * model.safetensors.index.json if the repo has one, else model.safetensors; and
     * preprocessor_config.json if the repo has one) and returns its snapshot directory.
     *
     * <p>A model already complete in the cache for this revision is returned without any request,
     * so a branch is not checked for newer commits once its model is cached.
     */
    public Path pullSafetensorsModel(String repoId, String revision, ProgressListener listener) {
        HubNames.checkRepoId(repoId);
        HubNames.checkRevision(revision);
        Optional<Path> cached = cache.safetensorsModel(repoId, revision);
        if (cached.isPresent()) {
            return cached.get();
        }
        if (env.offline()) {
            throw new MedinoException(repoId + " (revision " + revision + "): the model is not in the cache at "
                    + cache.root() + " and offline mode is on (HF_HUB_OFFLINE); unset it to download the model");
        }
        String commit = fetchRequired(repoId, revision, HfCache.CONFIG, listener);
        // Every further file is asked for by commit, so a push to the branch meanwhile cannot mix two versions.
        if (fetch(new HubHttp.FileRef(repoId, commit, HfCache.WEIGHTS_INDEX), listener).isPresent()) {
            Path index = cache.pointerPath(repoId, commit, HfCache.WEIGHTS_INDEX);
            for (String shard : SafetensorsIndex.shards(index)) {
                fetchRequired(repoId, commit, shard, listener);
            }
        } else {
            fetchRequired(repoId, commit, HfCache.WEIGHTS, listener);
        }
        fetch(new HubHttp.FileRef(repoId, commit, PREPROCESSOR_CONFIG), listener);
        // The ref is written last: it then only ever points to a complete snapshot.
        if (!HubNames.isCommitHash(revision)) {
            cache.writeRef(repoId, revision, commit);
        }
        return cache.snapshotPath(repoId, commit);
    }

    /** Like {@link #fetch} for a file the model cannot do without; returns the commit. */
    private String fetchRequired(String repoId, String revision, String filename, ProgressListener listener) {
        HubHttp.FileRef file = new HubHttp.FileRef(repoId, revision, filename);
        return fetch(file, listener).orElseThrow(() -> new MedinoException(file.label() + ": not found on "
                + env.endpoint() + " (HTTP 404: no such file, repo or revision)"));
    }

    /**
     * Puts one file in the snapshot of its commit unless it is there already, and returns that
     * commit; empty when the hub has no such file.
     */
    private Optional<String> fetch(HubHttp.FileRef file, ProgressListener listener) {
        HubNames.checkFilename(file.filename(), file.repoId());
        // A commit never changes: a file already in its snapshot needs no request at all.
        if (HubNames.isCommitHash(file.revision())
                && Files.isRegularFile(cache.pointerPath(file.repoId(), file.revision(), file.filename()))) {
            return Optional.of(file.revision());
        }
        Optional<RemoteFile> found = http.head(file);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RemoteFile remote = found.get();
        Path pointer = cache.pointerPath(file.repoId(), remote.commit(), file.filename());
        if (!Files.isRegularFile(pointer)) {
            // The same content in another revision already has its blob: link it, do not download it again.
            Path blob = cache.blobPath(file.repoId(), remote.etag());
            boolean newBlob = !Files.isRegularFile(blob);
            if (newBlob) {
                blobs.download(file, remote, blob, listener);
            }
            cache.link(blob, pointer, newBlob);
        }
        return Optional.of(remote.commit());
    }
}
