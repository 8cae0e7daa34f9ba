package org.medino.image.dicom;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link DicomReader#readHeader} gives: the facts of a file without decoding its pixels.
 *
 * @param file the file read
 * @param modality (0008,0060) Modality, or null
 * @param spacing the spacing {@link DicomReader#read} would report, or null
 * @param metadata the same keys as {@link DicomReader#read}'s metadata
 */
public record DicomHeader(Path file, String modality, double[] spacing, Map<String, Object> metadata) {
    public DicomHeader {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
