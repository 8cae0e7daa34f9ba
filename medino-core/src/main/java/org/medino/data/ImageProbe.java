package org.medino.data;

import java.nio.file.Path;

/**
 * The one thing the data layer needs from the image readers: can this file be read, and what shape
 * does it have. Kept this small so that datasets can be validated before any reader exists, and so
 * that tests can use a fake.
 */
@FunctionalInterface
public interface ImageProbe {
    /**
     * The shape of the image or volume in {@code file}, axes as the reader lays them out (see
     * {@code MedicalImage}); a colour or channel axis, if any, is included.
     *
     * @throws org.medino.MedinoException when the file cannot be read as an image
     */
    long[] shape(Path file);

    /** The real thing: reads the file with medino's readers (DICOM, NIfTI, rasters, .npy). */
    static ImageProbe readers() {
        return file -> org.medino.image.ImageReaders.read(file).image().voxels().shape();
    }
}
