package org.medino.cli;

import org.medino.checkpoint.hub.ProgressListener;

/** A download progress line on stderr, redrawn at most every 200 ms. */
final class ProgressLine implements ProgressListener {
    private long lastDraw;
    private String file = "";

    @Override
    public void progress(String filename, long done, long total) {
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (!filename.equals(file) || finished || now - lastDraw > 200_000_000L) {
            file = filename;
            lastDraw = now;
            String amount = total > 0
                    ? String.format("%5.1f%% of %s", 100.0 * done / total, megabytes(total))
                    : megabytes(done);
            System.err.printf("\r%-40s %s   ", filename, amount);
            if (finished) {
                System.err.println();
            }
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
