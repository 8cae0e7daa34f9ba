package org.medino.data;

import java.nio.file.Path;

/**
 * Where the pixels of one image are: a file of its own, or one row of an array in an archive
 * (MedMNIST keeps every image of a split in one array). One type for both so that a {@link Sample}
 * looks the same whichever kind of dataset it came from.
 */
public sealed interface ImageRef permits ImageRef.FileRef, ImageRef.ArrayRowRef {

    /** An image stored in its own file (absolute or relative to the working folder, as given). */
    record FileRef(Path path) implements ImageRef {
        public FileRef {
            if (path == null) throw new IllegalArgumentException("path is null");
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** Row {@code row} along the first axis of the array {@code key} in the archive {@code file}. */
    record ArrayRowRef(Path file, String key, int row) implements ImageRef {
        public ArrayRowRef {
            if (file == null || key == null) throw new IllegalArgumentException("file and key are required");
            if (row < 0) throw new IllegalArgumentException("negative row " + row);
        }

        @Override
        public String toString() {
            return file + ":" + key + "[" + row + "]";
        }
    }
}
