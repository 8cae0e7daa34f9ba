package org.medino.image.dicom;

import java.nio.file.Path;
import java.util.List;

/**
 * One series found by {@link DicomSeries#scan}.
 *
 * @param seriesUid (0020,000E) Series Instance UID
 * @param modality (0008,0060), or null
 * @param description (0008,103E) Series Description, or null
 * @param files the image files of the series, in path order
 */
public record SeriesSummary(String seriesUid, String modality, String description, List<Path> files) {
    public SeriesSummary {
        files = List.copyOf(files);
    }
}
