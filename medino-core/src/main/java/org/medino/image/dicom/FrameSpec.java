package org.medino.image.dicom;
/** What a codec needs to know about one compressed frame. */
public record FrameSpec(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored, boolean signed, String photometric) {}
