package org.medino.data;

import java.nio.file.Path;
import java.util.Map;
import org.medino.image.NdArray;

/**
 * Reads the arrays of a NumPy {@code .npz} archive, by key. The MedMNIST reader depends only on
 * this, so that the archive reader can be written (and tested) on its own.
 */
@FunctionalInterface
public interface NpzSource {
    /**
     * Every array in {@code npz}, keyed by the name it was saved under (without {@code .npy}).
     *
     * @throws org.medino.MedinoException when the file cannot be read
     */
    Map<String, NdArray> read(Path npz);

    /** The real thing: medino's .npz reader. */
    static NpzSource npz() {
        return org.medino.image.npy.Npz::read;
    }
}
