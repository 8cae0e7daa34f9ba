package org.medino.image.dicom;

/**
 * What a codec needs to know about one compressed frame, taken from the data set's image pixel
 * module.
 *
 * @param rows            Rows (0028,0010)
 * @param columns         Columns (0028,0011)
 * @param samplesPerPixel Samples per Pixel (0028,0002): 1 or 3
 * @param bitsAllocated   Bits Allocated (0028,0100)
 * @param bitsStored      Bits Stored (0028,0101)
 * @param signed          Pixel Representation (0028,0103) is 1
 * @param photometric     Photometric Interpretation (0028,0004), e.g. "MONOCHROME2", "RGB",
 *                        "YBR_FULL_422", "YBR_RCT"
 */
public record FrameSpec(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
        boolean signed, String photometric) {}
