package org.medino.image.dicom;

import java.nio.file.Path;

/**
 * A parsed Part 10 file: its file meta (empty when the file has none), its data set, and the
 * transfer syntax the data set was read with (from the meta, or inferred when the meta lacks it).
 */
record DicomFile(Path path, DicomDataset meta, DicomDataset dataset, TransferSyntax transferSyntax) {
    String name() {
        return path.toString();
    }
}
