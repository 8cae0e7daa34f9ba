package org.medino.segment;

import java.nio.file.Path;
import org.medino.data.Split;

/**
 * One row of a segmentation manifest: an image (2D image or 3D volume), its label mask and its split.
 *
 * @param id the row's {@code id}, or the image file name when the manifest has no id column
 * @param image the image file (or DICOM series folder)
 * @param mask the label map: integer labels, 0 = background, same shape as the image
 * @param split train, val or test
 * @param line the manifest line, for messages
 */
public record SegmentationCase(String id, Path image, Path mask, Split split, int line) {}
