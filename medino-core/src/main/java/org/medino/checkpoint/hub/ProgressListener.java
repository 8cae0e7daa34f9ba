package org.medino.checkpoint.hub;

/** Told how far a file download has come, so that a CLI can draw a progress bar. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (filename, bytesDone, bytesTotal) -> { };

    /**
     * Called when a download starts (bytesDone may be above zero when it resumes), after every chunk
     * written, and never for a file taken from the cache.
     */
    void progress(String filename, long bytesDone, long bytesTotal);
}
