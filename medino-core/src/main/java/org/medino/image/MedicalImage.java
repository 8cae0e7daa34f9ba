package org.medino.image;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An image or volume as read from a file, with the geometry needed to place it in the patient.
 *
 * <p>Axis order is the one each format's reference library uses, so that medino's arrays can be
 * compared with theirs value for value: a DICOM image as pydicom's {@code pixel_array} ((rows,
 * cols), (frames, rows, cols), colour last as RGB); a DICOM series as (slices, rows, cols); NIfTI
 * as nibabel's {@code get_fdata()} (dim1, dim2, dim3[, dim4]); rasters as (rows, cols[, 3]).
 *
 * @param voxels the values (Modality LUT / scl_slope already applied)
 * @param axes names of the axes, e.g. {@code ["slice", "row", "col"]}, {@code ["i", "j", "k"]},
 *     {@code ["row", "col", "rgb"]}
 * @param spacing voxel size in mm along each spatial axis of {@code voxels}, in the same order
 *     (null where unknown)
 * @param affine 4×4 matrix from array indices (in {@code voxels}' axis order, spatial axes only)
 *     to RAS+ world coordinates in mm, as nibabel reports for NIfTI; null for plain 2D images
 * @param modality DICOM modality (CT, MR, CR, DX, ...) or null
 * @param metadata format-specific facts (DICOM: transfer_syntax, photometric, rescale_slope, ...)
 */
public record MedicalImage(
        NdArray voxels, String[] axes, double[] spacing, double[][] affine, String modality, Map<String, Object> metadata) {

    public MedicalImage {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
