package org.medino.image.dicom;

import java.util.List;

/**
 * One data element as found in the file: where its value lies (never copied at parse time), and
 * for sequences the parsed items, for encapsulated pixel data the fragments.
 *
 * @param vr the VR written in the file, or the dictionary's (or "UN") for implicit VR
 * @param offset position of the value's first byte in the {@link DicomBytes}
 * @param length value length in bytes; for undefined-length elements, the bytes up to and
 *     including the sequence delimiter
 * @param items items of a sequence, else null
 * @param fragments (offset, length) of each encapsulated item, Basic Offset Table first, else null
 */
record DicomElement(int tag, String vr, int offset, int length, List<DicomDataset> items, List<int[]> fragments) {
}
